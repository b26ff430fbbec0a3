import { Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { CertificatesModule } from '@keurmerk/certificates';
import { ComplaintsModule } from '@keurmerk/complaints';
import { DocumentsModule } from '@keurmerk/documents';
import { InspectionsModule } from '@keurmerk/inspections';
import { LocationsModule } from '@keurmerk/locations';
import { OccupancyModule } from '@keurmerk/occupancy';
import { StatisticsModule } from '@keurmerk/statistics';
import { AddressLookupModule } from '@keurmerk/address-lookup';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { ObjectionsModule } from '@keurmerk/objections';
import { ReportingModule } from '@keurmerk/reporting';
import { VerificationModule } from '@keurmerk/verification';
import { WebhooksModule } from '@keurmerk/webhooks';
import { AdminAccountsController } from './admin/admin-accounts.controller';
import { AdminApplicationsController } from './admin/admin-applications.controller';
import { AdminComplaintsController } from './admin/admin-complaints.controller';
import { AdminLocationsController } from './admin/admin-locations.controller';
import { AdminMailController } from './admin/admin-mail.controller';
import { AdminNormsController } from './admin/admin-norms.controller';
import { AdminObjectionsController } from './admin/admin-objections.controller';
import { AdminOverviewService } from './admin/admin-overview.service';
import { AdminPagesController } from './admin/admin.controller';
import { AdminPlanning } from './admin/planning.service';
import { AuditorOfflineController, AuditorPagesController } from './auditor/auditor.controller';
import { WebAuthController } from './auth.controller';
import { CertifierPagesController } from './certifier/certifier.controller';
import { CertifierObjectionsController } from './certifier/certifier-objections.controller';
import { LandlordPagesController } from './landlord/landlord.controller';
import { LandlordObjectionsController } from './landlord/landlord-objections.controller';
import { MunicipalityIntegrationsController } from './municipality/municipality-integrations.controller';
import { MunicipalityPagesController } from './municipality/municipality.controller';
import { MunicipalityInsightController } from './municipality/municipality-insight.controller';
import { VendorAssetsController } from './vendor.assets';
import { AdminFiguresController } from './admin/admin-figures.controller';
import { LandlordOccupancyController } from './landlord/landlord-occupancy.controller';
import { AddressLookupController } from './landlord/address-lookup.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebSessionService } from './web-session.service';
import { WebGuard } from './web.guard';
import { AccountPagesController } from './account/account.controller';

/**
 * The web app at /app: server-rendered pages for each role, on the same services as the REST API
 * (no rule is written twice), with cookie sessions and CSRF tokens instead of bearer tokens.
 */
@Module({
  imports: [
    AccountsModule,
    LocationsModule,
    InspectionsModule,
    CertificatesModule,
    VerificationModule,
    NormVersionsModule,
    ComplaintsModule,
    WebhooksModule,
    DocumentsModule,
    ReportingModule,
    OccupancyModule,
    StatisticsModule,
    AddressLookupModule,
    ObjectionsModule,
  ],
  controllers: [
    WebAuthController,
    AuditorPagesController,
    AuditorOfflineController,
    LandlordPagesController,
    CertifierPagesController,
    AdminPagesController,
    AdminAccountsController,
    AdminApplicationsController,
    AdminNormsController,
    AdminComplaintsController,
    AdminMailController,
    MunicipalityPagesController,
    MunicipalityIntegrationsController,
    LandlordObjectionsController,
    CertifierObjectionsController,
    AdminObjectionsController,
    AccountPagesController,
    AdminLocationsController,
    MunicipalityInsightController,
    VendorAssetsController,
    AdminFiguresController,
    LandlordOccupancyController,
    AddressLookupController,
  ],
  providers: [WebSessionService, WebGuard, WebErrorFilter, AdminOverviewService, AdminPlanning],
})
export class WebModule {}
