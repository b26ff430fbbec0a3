import { Accounts1764300000000 } from './1764300000000-accounts';
import { JobQueue1764300100000 } from './1764300100000-job-queue';
import { Audit1764300200000 } from './1764300200000-audit';
import { Certificates1764300300000 } from './1764300300000-certificates';
import { Webhooks1764300400000 } from './1764300400000-webhooks';
import { Complaints1764300500000 } from './1764300500000-complaints';
import { WebSessions1764300600000 } from './1764300600000-web-sessions';
import { EventLogPrivileges1764300800000 } from './1764300800000-event-log-privileges';
import { JobQueues1764300850000 } from './1764300850000-job-queues';
import { LoginThrottle1764300900000 } from './1764300900000-login-throttle';
import { IssuerArtifacts1764301400000 } from './1764301400000-issuer-artifacts';
import { Surveillance1764301800000 } from './1764301800000-surveillance';
import { CertificateLifecycle1764302000000 } from './1764302000000-certificate-lifecycle';
import { Objections1764302100000 } from './1764302100000-objections';
import { AccountOperations1764302300000 } from './1764302300000-account-operations';
import { Mail1764302400000 } from './1764302400000-mail';
import { LocationOperations1764302500000 } from './1764302500000-location-operations';
import { Insight1764302600000 } from './1764302600000-insight';
import { DocumentKind1764302800000 } from './1764302800000-document-kind';

export { JOB_QUEUE_SCHEMA } from './1764300100000-job-queue';

/** Every migration, oldest first. Listed by hand: a glob that matches nothing would silently mean "up to date". */
export const MIGRATIONS = [
  Accounts1764300000000,
  JobQueue1764300100000,
  Audit1764300200000,
  Certificates1764300300000,
  Webhooks1764300400000,
  Complaints1764300500000,
  WebSessions1764300600000,
  EventLogPrivileges1764300800000,
  JobQueues1764300850000,
  LoginThrottle1764300900000,
  IssuerArtifacts1764301400000,
  Surveillance1764301800000,
  CertificateLifecycle1764302000000,
  Objections1764302100000,
  AccountOperations1764302300000,
  Mail1764302400000,
  LocationOperations1764302500000,
  Insight1764302600000,
  DocumentKind1764302800000,
];
