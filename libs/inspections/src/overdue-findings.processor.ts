import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, ProcessesJobs } from '@keurmerk/jobs';
import { FindingService } from './finding.service';

/** Daily, shortly after midnight (Dutch time is UTC+1/+2): majors whose deadline passed yesterday. */
@Injectable()
@JobProcessor({ queue: 'findings.sweep-overdue', cron: '15 0 * * *' })
export class OverdueFindingsProcessor implements ProcessesJobs {
  private readonly logger = new Logger('findings');

  constructor(private readonly findings: FindingService) {}

  async process(): Promise<void> {
    const handled = await this.findings.sweepOverdueMajors();
    if (handled > 0) this.logger.log(`${handled} overdue major finding(s) handled`);
  }
}
