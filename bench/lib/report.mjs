// The Markdown summary: one table, small and large scale side by side, each figure beside its goal.

const n = (value) => (typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en') : '–');
const met = (ok) => (ok ? 'met' : '**missed**');

function http(result) {
  const cpu = result.wrkCores === undefined ? '' : ` (CPU: server ${result.serverCores}, wrk ${result.wrkCores})`;
  const spread = result.p99Runs
    ? `; ${result.runs} runs: ${n(Math.min(...result.rpsRuns))}–${n(Math.max(...result.rpsRuns))} req/s, p99 ${Math.min(...result.p99Runs)}–${Math.max(...result.p99Runs)} ms`
    : '';
  return `${n(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${cpu}${spread}`;
}

function growth(small, large) {
  return Math.round(((large - small) / small) * 100);
}

export function markdownReport(r) {
  const s = r.scales.small;
  const l = r.scales.large;
  const sv = s.verification;
  const lv = l.verification;
  const rows = [];
  const row = (what, small, large, goal = '', verdict = '') => rows.push(`| ${what} | ${small} | ${large} | ${goal} | ${verdict} |`);
  for (const [label, key] of [
    ['one URL (by number, aantalBewoners=8), warm cache', 'one-warm'],
    ['by number, 1,000 URLs in turn, warm cache', 'number-warm'],
    ['by address, 1,000 URLs in turn, warm cache', 'address-warm'],
    ['by number, cold cache (3,000, each once)', 'number-cold'],
    ['by address, cold cache (3,000, each once)', 'address-cold'],
    ['bare `node:http`, same bytes and headers, one URL', 'bare-one'],
    ['bare `node:http`, same bytes and headers, by number URLs', 'bare-number'],
    ['bare `node:http`, same bytes and headers, by address URLs', 'bare-address'],
    ['bare `node:http`, the body alone (Content-Type only), one URL', 'bare-one-body-only'],
  ]) {
    row(`verification ${label}`, http(sv[key]), http(lv[key]));
  }
  for (const [label, key] of [
    ['one URL', 'One'],
    ['by number, many URLs', 'Number'],
    ['by address, many URLs', 'Address'],
  ]) {
    const ratio = `ratio${key}`;
    const p99 = `p99Ratio${key}`;
    row(`verification ÷ bare, ${label} (warm)`, sv[ratio], lv[ratio], '≥ 0.6', met(sv[ratio] >= 0.6 && lv[ratio] >= 0.6));
    row(`p99 ÷ bare p99, ${label} (warm)`, sv[p99], lv[p99], '≤ 1.5', met(sv[p99] <= 1.5 && lv[p99] <= 1.5));
  }
  row('verification ÷ bare with the body alone, one URL (warm; for reference)', sv.ratioOneBodyOnly, lv.ratioOneBodyOnly);
  for (const [label, key] of [
    ['number, warm', 'number-warm'],
    ['number, cold', 'number-cold'],
    ['address, warm', 'address-warm'],
    ['address, cold', 'address-cold'],
  ]) {
    const change = growth(sv[key].p99, lv[key].p99);
    row(
      `p99 growth ${n(r.settings.small)} → ${n(r.settings.large)}, ${label}`,
      `${sv[key].p99} ms`,
      `${lv[key].p99} ms (${change > 0 ? '+' : ''}${change} %)`,
      '≤ +20 %',
      met(change <= 20),
    );
  }
  const e = (x) => `${n(x.rows)} rows in ${x.seconds} s (${n(x.rowsPerSecond)} rows/s), RSS ${x.rssBeforeMiB} → ${x.rssPeakMiB} MiB`;
  row('register export, CSV', e(s.export), e(l.export), `${n(r.settings.large)} rows < 60 s`, met(l.export.seconds < 60));
  const c = l.exportCappedHeap;
  row(
    `register export, CSV, API heap capped at ${c.heapCapMiB} MiB`,
    '',
    e(c),
    'flat memory: completes, RSS + < 32 MiB',
    met(c.rows === l.export.rows && c.rssGrowthMiB < 32),
  );
  // The open statistics are computed when asked; a page that waits longer than a second is not read at a glance.
  const st = (x, key) =>
    x?.statistics ? `median ${x.statistics[key].median} ms (first ${x.statistics[key].first}, max ${x.statistics[key].max})` : '–';
  for (const [label, key] of [
    ['national, today', 'national'],
    ['national, a day 30 days ago (from the status changes)', 'nationalPast'],
    ['the municipality with most certificates, today', 'municipality'],
    ['the municipality with most certificates, 30 days ago', 'municipalityPast'],
  ]) {
    const large = l.statistics?.[key];
    row(
      `open statistics (\`GET /v1/statistieken\`), ${label}`,
      st(s, key),
      st(l, key),
      'median ≤ 1 s',
      met(large !== undefined && large.median <= 1000),
    );
  }
  const i = r.issuance;
  // The goal is for render + sign + store; the worker's whole step (with reading and publishing) stands beside it.
  row(
    'issuance: render + sign + store (S3) of one certificate',
    `median ${i.renderSignStore.median} ms, p99 ${i.renderSignStore.p99} ms`,
    '',
    'median ≤ 20 ms',
    met(i.renderSignStore.median <= 20),
  );
  row(
    '… of which render + sign',
    `median ${i.renderAndSign.median} ms (render ${i.render.median}, sign ${i.sign.median}), p99 ${i.renderAndSign.p99} ms`,
    '',
    '',
    '',
  );
  row('… of which store in S3 (client side; s3rver in its own process)', `median ${i.store.median} ms, p99 ${i.store.p99} ms`, '', '', '');
  row(
    "the worker's whole step: read, render, sign, store, publish (status change, event, notify)",
    `median ${i.issue.median} ms, p99 ${i.issue.p99} ms`,
    '',
    '',
    '',
  );
  row('bulk re-issue', `${i.reissuePerSecond} certificates/s (${i.reissued})`, '', '', '');
  const p = r.propagation;
  row(
    'status change → both API processes answer it',
    `median ${p.median} ms, max ${p.max} ms (${p.trials} changes)`,
    '',
    '≤ 1 s',
    met(p.max <= 1000),
  );
  row(
    'seed (CLI `seed-scale`)',
    `${n(r.seed.small.certificates)} in ${r.seed.small.seconds} s`,
    `up to ${n(r.seed.large.certificates)} in ${r.seed.large.seconds} s`,
    '',
    '',
  );

  const work = r.sweeps?.dailyWork;
  if (work) {
    row(
      `the day's other work at ${n(r.settings.large)}, written beside the seed for the sweeps`,
      '',
      `${n(work.suspensions)} suspensions begun 1 to 90 days ago, ${n(work.openMajorFindings)} open major findings (2 %), ` +
        `${n(work.landlordUsers)} landlord users, ${n(work.earlierMails)} mails of earlier days`,
      '',
      '',
    );
  }
  for (const sweep of r.sweeps?.sweeps ?? []) {
    row(
      `sweep at ${n(r.settings.large)}: ${sweep.name}`,
      '',
      `${n(sweep.handled)} in ${sweep.seconds} s; verification meanwhile ${n(sweep.verification.rps)} req/s, p99 ${sweep.verification.p99} ms`,
      '< 60 s',
      met(sweep.seconds < 60 && sweep.verification.non2xx === 0),
    );
  }
  if (r.sweeps) row('all sweeps again the same day (nothing left to do)', '', `${r.sweeps.secondRunSeconds} s`, '', '');

  const m = r.machine;
  return [
    `# Keurmerk benchmark, ${r.startedAt.slice(0, 10)}`,
    '',
    `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}. One API process (its log at level ${r.settings.logLevel}, written to a file),`,
    `Warm runs: wrk (one thread, ${r.settings.connections} connections, ${r.settings.seconds} s), API and bare server taking turns, ${r.settings.rounds} runs each, every figure`,
    'the median of its runs, the range of the runs beside it; CPU is in cores used over the run, from /proc (server: the',
    'process under load; wrk: its own), so a generator below one core while the server is at one was not the limit. Cold runs: autocannon',
    'asks 3,000 certificates never asked before, once each. The bare server is a separate `node:http` process answering the same URLs',
    'with the same bytes and headers (and once with the body alone); the ratios are against the first.',
    '',
    `| what | ${n(r.settings.small)} certificates | ${n(r.settings.large)} certificates | goal | |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Whole run: ${r.seconds} s.`,
    '',
  ].join('\n');
}
