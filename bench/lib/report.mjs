// The Markdown summary: one table, small and large scale side by side, each figure beside its goal.

const n = (value) => (typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en') : '–');
const met = (ok) => (ok ? 'met' : '**missed**');

function http(result) {
  return `${n(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`;
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
    ['by number, warm cache', 'number-warm'],
    ['by number, cold cache', 'number-cold'],
    ['by address, warm cache', 'address-warm'],
    ['by address, cold cache', 'address-cold'],
    ['bare `node:http`, same bytes (by number URLs)', 'bare-number'],
    ['bare `node:http`, same bytes (by address URLs)', 'bare-address'],
  ]) {
    const warm = key.endsWith('warm');
    row(
      `verification ${label}`,
      http(sv[key]),
      http(lv[key]),
      warm ? 'p99 ≤ 10 ms' : '',
      warm ? met(sv[key].p99 <= 10 && lv[key].p99 <= 10) : '',
    );
  }
  row(
    'verification ÷ bare, by number (warm)',
    sv.ratioNumber,
    lv.ratioNumber,
    '≥ 0.6',
    met(sv.ratioNumber >= 0.6 && lv.ratioNumber >= 0.6),
  );
  row(
    'verification ÷ bare, by address (warm)',
    sv.ratioAddress,
    lv.ratioAddress,
    '≥ 0.6',
    met(sv.ratioAddress >= 0.6 && lv.ratioAddress >= 0.6),
  );
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
  const i = r.issuance;
  // The goal is for render + sign + store; the worker's whole step (with reading and publishing) stands beside it.
  row(
    'issuance: render + sign + store (S3) of one certificate',
    `median ${i.renderSignStore.median} ms, p99 ${i.renderSignStore.p99} ms`,
    '',
    'median ≤ 25 ms',
    met(i.renderSignStore.median <= 25),
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

  const m = r.machine;
  return [
    `# Keurmerk benchmark, ${r.startedAt.slice(0, 10)}`,
    '',
    `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}. One API process (its log at level ${r.settings.logLevel}, written to a file),`,
    `autocannon with ${r.settings.connections} connections in the benchmark's own process, ${r.settings.seconds} s per warm run; a cold run asks 3,000 certificates`,
    'never asked before, once each. The bare server is a separate `node:http` process answering the same URLs with the same bytes.',
    '',
    `| what | ${n(r.settings.small)} certificates | ${n(r.settings.large)} certificates | goal | |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Whole run: ${r.seconds} s.`,
    '',
  ].join('\n');
}
