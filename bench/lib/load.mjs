// HTTP load with autocannon: 50 connections, URLs taken in turn from a shared list (so 50
// connections ask 50 different things, not the same sequence 50 times), latencies kept per
// response in microsecond precision (autocannon's own histogram counts whole milliseconds).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const CONNECTIONS = 50;

export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/**
 * Either for `seconds`, or for exactly `amount` requests (a cold run asks each path once).
 * Returns requests per second, p50/p99 latency in ms, and how many answers were not 2xx.
 */
export async function load({ url, paths, seconds, amount }) {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    lastAnswer = performance.now();
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  // Up to the last answer: autocannon itself only notices the end of a run on its next one-second tick.
  const elapsed = (lastAnswer - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.total / elapsed),
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const round = (ms) => Math.round(ms * 100) / 100;
