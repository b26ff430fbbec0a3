import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
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

/**
 * Daily: certificates past their last valid day become verlopen; certificates suspended for
 * SCHORSING_MAXIMUM_DAGEN are withdrawn (the sanctions ladder's end); also catches allocations whose job was lost.
 */
@Injectable()
@JobProcessor({ queue: 'certificates.daily', cron: '5 0 * * *' })
export class DailyCertificateProcessor implements ProcessesJobs {
  private readonly logger = new Logger('certificates');

  constructor(
    private readonly lifecycle: CertificateLifecycleService,
    private readonly issuer: CertificateIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(): Promise<void> {
    const expired = await this.lifecycle.expire();
    const withdrawn = await this.lifecycle.withdrawLongSuspended(this.config.sanctions.maximumSuspensionDays);
    const issued = await this.issuer.issuePending();
    if (expired || withdrawn || issued) {
      this.logger.log(`${expired} certificate(s) expired, ${withdrawn} withdrawn after a long suspension, ${issued} pending issued`);
    }
  }
}
