// The open register as CSV, all of it, read as fast as the API sends it, while the API's resident
// memory is sampled: rows per second and how far memory rises above where it started.
import http from 'node:http';
import { rssMiB } from './processes.mjs';

export async function exportSuite({ api }) {
  const before = await rssMiB(api.pid);
  let peak = before;
  const sampler = setInterval(
    () =>
      rssMiB(api.pid).then(
        (rss) => (peak = Math.max(peak, rss)),
        () => undefined,
      ),
    50,
  );
  const started = process.hrtime.bigint();
  const { lines, bytes } = await new Promise((resolve, reject) => {
    const { hostname, port } = new URL(api.url);
    http
      .get({ host: hostname, port, path: '/v1/register', headers: { Accept: 'text/csv' } }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`register answered ${response.statusCode}`));
        let count = 0;
        let size = 0;
        response.on('data', (chunk) => {
          size += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
        });
        response.on('end', () => resolve({ lines: count, bytes: size }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  const rows = lines - 1;
  return {
    rows,
    megabytes: Math.round(bytes / 1e5) / 10,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    rssBeforeMiB: Math.round(before),
    rssPeakMiB: Math.round(peak),
    rssGrowthMiB: Math.round(peak - before),
  };
}
