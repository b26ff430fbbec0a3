import { Clock } from '@keurmerk/common';
import { RateLimiter } from '../http/rate-limiter';

/** Complaints per client address: enough for a household, too few to flood the beheerder's queue. */
export const COMPLAINT_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };

/** One limiter for every way a complaint comes in (the JSON API and the residents' page without JavaScript). */
export class ComplaintRateLimiter extends RateLimiter {
  static provider = {
    provide: ComplaintRateLimiter,
    inject: [Clock],
    useFactory: (clock: Clock) => new ComplaintRateLimiter(COMPLAINT_RATE_LIMIT, () => clock.now().getTime()),
  };
}
