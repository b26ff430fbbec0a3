import { dateInAmsterdam } from '@keurmerk/norm';

/** Time comes from here, so tests can fix it. */
export abstract class Clock {
  abstract now(): Date;

  private todayMemo = { minute: Number.NaN, date: '' };

  /**
   * Today in the Netherlands as YYYY-MM-DD: the one "today" of every deadline, expiry and sweep.
   * Repair deadlines and validity are Dutch calendar days, so the UTC date would judge them on the
   * wrong day for the first one or two hours after midnight. Worked out once a minute (offsets change
   * on whole hours), because the public verification path asks on every request.
   */
  today(): string {
    const now = this.now().getTime();
    const minute = Math.floor(now / 60_000);
    if (minute !== this.todayMemo.minute) this.todayMemo = { minute, date: dateInAmsterdam(new Date(now)) };
    return this.todayMemo.date;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = to;
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
