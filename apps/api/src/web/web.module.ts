import { Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { CertificatesModule } from '@keurmerk/certificates';
import { ComplaintsModule } from '@keurmerk/complaints';
import { DocumentsModule } from '@keurmerk/documents';
import { InspectionsModule } from '@keurmerk/inspections';
import { LocationsModule } from '@keurmerk/locations';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { ReportingModule } from '@keurmerk/reporting';
import { VerificationModule } from '@keurmerk/verification';
import { WebhooksModule } from '@keurmerk/webhooks';
import { AdminAccountsController } from './admin/admin-accounts.controller';
import { AdminComplaintsController } from './admin/admin-complaints.controller';
import { AdminNormsController } from './admin/admin-norms.controller';
import { AdminOverviewService } from './admin/admin-overview.service';
import { AdminPagesController } from './admin/admin.controller';
import { AdminPlanning } from './admin/planning.service';
import { AuditorOfflineController, AuditorPagesController } from './auditor/auditor.controller';
import { WebAuthController } from './auth.controller';
import { CertifierPagesController } from './certifier/certifier.controller';
import { LandlordPagesController } from './landlord/landlord.controller';
import { MunicipalityIntegrationsController } from './municipality/municipality-integrations.controller';
import { MunicipalityPagesController } from './municipality/municipality.controller';
import { WebErrorFilter } from './web-error.filter';
import { WebSessionService } from './web-session.service';
import { WebGuard } from './web.guard';

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
  ],
  controllers: [
    WebAuthController,
    AuditorPagesController,
    AuditorOfflineController,
    LandlordPagesController,
    CertifierPagesController,
    AdminPagesController,
    AdminAccountsController,
    AdminNormsController,
    AdminComplaintsController,
    MunicipalityPagesController,
    MunicipalityIntegrationsController,
  ],
  providers: [WebSessionService, WebGuard, WebErrorFilter, AdminOverviewService, AdminPlanning],
})
export class WebModule {}
