import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, ProcessesJobs } from '@keurmerk/jobs';
import type { QueueJob } from '@keurmerk/queue';
import { ISSUE_QUEUE } from './certificate-allocator';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateLifecycleService } from './certificate-lifecycle.service';

/** Render, sign, store and publish one allocated certificate; a failure is retried with backoff. */
@Injectable()
@JobProcessor({ queue: ISSUE_QUEUE, pollingIntervalSeconds: 0.5 })
export class IssueCertificateProcessor implements ProcessesJobs<{ number: string }> {
  constructor(private readonly issuer: CertificateIssuer) {}

  async process(job: QueueJob<{ number: string }>): Promise<void> {
    await this.issuer.issue(job.data.number);
  }
}

/** Daily: certificates past their last valid day become verlopen; also catches allocations whose job was lost. */
@Injectable()
@JobProcessor({ queue: 'certificates.daily', cron: '5 0 * * *' })
export class DailyCertificateProcessor implements ProcessesJobs {
  private readonly logger = new Logger('certificates');

  constructor(
    private readonly lifecycle: CertificateLifecycleService,
    private readonly issuer: CertificateIssuer,
  ) {}

  async process(): Promise<void> {
    const expired = await this.lifecycle.expire();
    const issued = await this.issuer.issuePending();
    if (expired || issued) this.logger.log(`${expired} certificate(s) expired, ${issued} pending issued`);
  }
}
