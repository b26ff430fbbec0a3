import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { Clock, Page, PageRequest } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { type Actor, actorOf, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { addMonths } from '@keurmerk/norm';
import { monthlyShare, percentageShare, type SampleShare, sharePercentage } from './sample';
import { SampleDrawEntity } from './sample-draw.entity';
import { SampleDrawRepository } from './sample-draw.repository';
import { PlanningRequestService, requireBeheerder } from './planning-request.service';
import { GENERATED_SEED_BYTES, SAMPLE_DUE_MONTHS, SAMPLE_PERCENTAGE_DEFAULT } from './surveillance-input';

export interface DrawSample {
  /** 1..100; default 10. */
  percentage?: number;
  /** Hex (validated at the edge); default: random. */
  seed?: string;
}

/**
 * The unannounced random sample on top of the yearly re-inspections: drawn deterministically from a
 * recorded seed (sample.ts says how), written to the event log, and turned into `steekproef`
 * planning requests, all in one transaction.
 */
@Injectable()
export class SampleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly draws: SampleDrawRepository,
    private readonly planning: PlanningRequestService,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: PersonPrincipal, request: PageRequest): Promise<Page<SampleDrawEntity>> {
    requireBeheerder(caller);
    const [items, total] = await this.draws.page(request);
    return { items, total, ...request };
  }

  async draw(caller: PersonPrincipal, input: DrawSample): Promise<SampleDrawEntity> {
    requireBeheerder(caller);
    const share = percentageShare(input.percentage ?? SAMPLE_PERCENTAGE_DEFAULT);
    const drawn = await this.drawWith({
      seed: input.seed ?? newSeed(),
      share,
      period: null,
      drawnBy: caller.userId,
      actor: actorOf(caller),
    });
    return drawn!;
  }

  /**
   * The worker's draw of this month (Amsterdam): 1/12 of STEEKPROEF_PERCENTAGE_PER_JAAR with a random
   * seed, at most once a month however often the job runs (`period` is unique). Null when this
   * month's draw exists already or the yearly percentage is 0.
   */
  async drawMonthly(actor: Actor = SYSTEM_ACTOR): Promise<SampleDrawEntity | null> {
    const yearly = this.config.surveillance.samplePercentagePerYear;
    if (yearly === 0) return null;
    const period = this.clock.today().slice(0, 7);
    if (await this.db.transaction((manager) => this.draws.existsForPeriod(manager, period))) return null;
    return this.drawWith({ seed: newSeed(), share: monthlyShare(yearly), period, drawnBy: null, actor });
  }

  private async drawWith(context: {
    seed: string;
    share: SampleShare;
    period: string | null;
    drawnBy: string | null;
    actor: Actor;
  }): Promise<SampleDrawEntity | null> {
    const seed = context.seed.toLowerCase();
    const today = this.clock.today();
    return this.db.transaction(async (manager) => {
      const { eligible, locationIds } = await this.draws.draw(manager, { seed, today, share: context.share });
      const percentage = sharePercentage(context.share);
      const id = await this.draws.insert(manager, {
        seed,
        percentage,
        eligibleCount: eligible,
        locationIds,
        period: context.period,
        drawnBy: context.drawnBy,
        drawnAt: this.clock.now(),
      });
      if (!id) return null;
      await this.planning.openSampled(manager, { sampleDrawId: id, locationIds, dueDate: addMonths(today, SAMPLE_DUE_MONTHS) });
      await this.events.append(manager, {
        actor: context.actor,
        entityType: 'sample-draw',
        entityId: id,
        action: 'drawn',
        after: {
          seed,
          percentage,
          eligibleCount: eligible,
          locationIds,
          period: context.period,
          algorithm: 'sha256(seed || location id), first ceil(n × percentage / 100)',
        },
      });
      return this.draws.get(manager, id);
    });
  }
}

function newSeed(): string {
  return randomBytes(GENERATED_SEED_BYTES).toString('hex');
}
