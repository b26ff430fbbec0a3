import { Global, Module } from '@nestjs/common';
import { LocationConsequences } from '@keurmerk/locations';
import { CertificatePlanningConsequences } from './certificate-planning-consequences';

/**
 * Binds the locations feature's LocationConsequences to certificates and surveillance. Global, so
 * LocationOperationsService finds it wherever this module is part of the process (the API); needs the
 * global CertificatesModule and SurveillanceModule.
 */
@Global()
@Module({
  providers: [{ provide: LocationConsequences, useClass: CertificatePlanningConsequences }],
  exports: [LocationConsequences],
})
export class LocationConsequencesModule {}
