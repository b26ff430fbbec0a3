// The worker's daily and monthly sweeps at national scale, each timed on its own while an API process
// keeps answering verification (wrk, many URLs by number): the sweep's duration beside its goal
// (< 60 s), and verification's p99 while it ran beside the p99 without it.
//
// Before them, the day's other work is written beside the seed (daily-work.mjs): landlord users, open
// findings, and what earlier days already did.
//
// The sweeps run in this process on the worker's own modules (not its job loop), with a FixedClock
// set a day on from the seed's: the seed's certificates end between 35 and 365 days from the day it
// ran, so 36 days on (or a little later, to fall on a Tuesday to Friday), one day's share of them
// (about 1/330) is past its last valid day, as on any day of a scheme of this size.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { CertificateLifecycleService } from '../../dist/libs/certificates/src/index.js';
import { FixedClock } from '../../dist/libs/common/src/index.js';
import { loadConfig } from '../../dist/libs/config/src/index.js';
import { FindingService } from '../../dist/libs/inspections/src/index.js';
import { MailSweeps } from '../../dist/libs/mail/src/index.js';
import { CoreModule, createLogger, PinoNestLogger, startRuntime } from '../../dist/libs/runtime/src/index.js';
import { PlanningRequestService, SampleService } from '../../dist/libs/surveillance/src/index.js';
import { WORKER_FEATURE_MODULES } from '../../dist/apps/worker/src/worker-app.module.js';
import { seedDailyWork } from './daily-work.mjs';
import { verificationDuring, warmNumberPaths } from './verification.mjs';

const DAY = 24 * 3600_000;

class SweepsBenchModule {}
Module({})(SweepsBenchModule);

export async function sweepsSuite({ env, api, db, tmp, log }) {
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  // 00:30 in Amsterdam, 36 days after the seed's day: when the worker's daily jobs run.
  // On a Tuesday to Friday: over a weekend and on a Monday the five-working-day window of the repair
  // reminders does not move, or moves by a weekend, and the figure would say nothing of an ordinary day.
  let day = Date.now() + 36 * DAY;
  while ([0, 1, 6].includes(new Date(day).getUTCDay())) day += DAY;
  const clock = new FixedClock(new Date(day));
  clock.set(new Date(`${clock.today()}T00:30:00+01:00`));
  const app = await NestFactory.createApplicationContext(
    {
      module: SweepsBenchModule,
      imports: [CoreModule.forRoot(runtime, { clock }), ...WORKER_FEATURE_MODULES],
    },
    // A failure is thrown to the benchmark, which stops its processes, instead of ending this one.
    { logger: new PinoNestLogger(logger), abortOnError: false },
  ).catch(async (error) => {
    await runtime.stop();
    throw error;
  });
  const lifecycle = app.get(CertificateLifecycleService);
  const planning = app.get(PlanningRequestService);
  const samples = app.get(SampleService);
  const mail = app.get(MailSweeps);
  const findings = app.get(FindingService);
  const sweeps = [
    ['expiry (certificates past their last valid day become verlopen)', () => lifecycle.expire()],
    ['overdue major findings (the certificate suspended)', () => findings.sweepOverdueMajors()],
    [
      `withdrawal after ${config.sanctions.maximumSuspensionDays} days suspended`,
      () => lifecycle.withdrawLongSuspended(config.sanctions.maximumSuspensionDays),
    ],
    ['re-inspection requests (expiring within the lead time)', () => planning.openReinspectionRequests()],
    ['repair-deadline reminders (open findings due within 5 working days)', () => mail.remindRepairDeadlines()],
    ['expiry notices to landlords (30 and 90 days)', () => mail.announceExpiries()],
    ['the monthly sample', async () => (await samples.drawMonthly())?.locationIds.length ?? 0],
  ];
  const results = [];
  try {
    const dailyWork = await seedDailyWork(db, clock.today(), { maximumSuspensionDays: config.sanctions.maximumSuspensionDays });
    log(
      `  the day's other work: ${dailyWork.suspensions} suspensions 1 to ${config.sanctions.maximumSuspensionDays} days old, ` +
        `${dailyWork.landlordUsers} landlord users, ${dailyWork.openMajorFindings} open major findings, ` +
        `${dailyWork.earlierMails} mails of earlier days (${dailyWork.seconds} s)\n`,
    );
    const { rows: counts } = await db.query(`SELECT status, count(*)::int AS n FROM certificate GROUP BY status ORDER BY status`);
    log(`  certificates by status: ${counts.map((c) => `${c.status} ${c.n}`).join(', ')}; clock ${clock.now().toISOString()}\n`);
    // Sampled and asked once here, not during a sweep: the sample's query would be part of what it measures.
    const paths = await warmNumberPaths({ api, db });
    for (const [name, run] of sweeps) {
      log(`  ${name} ...`);
      let seconds = 0;
      let handled = 0;
      const sweep = (async () => {
        const started = performance.now();
        handled = await run();
        seconds = (performance.now() - started) / 1000;
      })();
      const verification = await verificationDuring({ api, paths, tmp, until: sweep });
      log(` ${handled} in ${seconds.toFixed(1)} s; verification meanwhile ${verification.rps} req/s, p99 ${verification.p99} ms\n`);
      results.push({ name, handled, seconds: Math.round(seconds * 10) / 10, verification });
    }
    // The same day's second run: what a sweep costs when there is nothing left to do but look.
    log('  all sweeps again, nothing left to do ...');
    const started = performance.now();
    for (const [, run] of sweeps) await run();
    const again = Math.round((performance.now() - started) / 100) / 10;
    log(` ${again} s\n`);
    return { clock: clock.now().toISOString(), dailyWork, sweeps: results, secondRunSeconds: again };
  } finally {
    await app.close();
    await runtime.stop();
  }
}
