import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, ProcessesJobs } from '@keurmerk/jobs';
import { PlanningRequestService } from './planning-request.service';
import { SampleService } from './sample.service';

/** Daily, after the certificates' own sweep (00:05 UTC): re-inspection requests for what expires within the lead time. */
@Injectable()
// A daily job: polling once a minute is soon enough, and spares the single embedded connection.
@JobProcessor({ queue: 'surveillance.daily', cron: '30 0 * * *', pollingIntervalSeconds: 60 })
export class DailySurveillanceProcessor implements ProcessesJobs {
  private readonly logger = new Logger('surveillance');

  constructor(private readonly planning: PlanningRequestService) {}

  async process(): Promise<void> {
    const opened = await this.planning.openReinspectionRequests();
    if (opened > 0) this.logger.log(`${opened} re-inspection request(s) opened`);
  }
}

/**
 * Monthly, on the 1st at 03:00 UTC (the 1st in Amsterdam too): the month's share of the yearly
 * sample. Also every day at that hour, so a month whose 1st was missed (worker down) still gets its
 * draw; the draw is unique per month, so the other runs do nothing.
 */
@Injectable()
@JobProcessor({ queue: 'surveillance.monthly-sample', cron: '0 3 * * *', pollingIntervalSeconds: 60 })
export class MonthlySampleProcessor implements ProcessesJobs {
  private readonly logger = new Logger('surveillance');

  constructor(private readonly samples: SampleService) {}

  async process(): Promise<void> {
    const draw = await this.samples.drawMonthly();
    if (draw) this.logger.log(`sample of ${draw.period}: ${draw.locationIds.length} of ${draw.eligibleCount} location(s)`);
  }
}
