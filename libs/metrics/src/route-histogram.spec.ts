import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { RouteHistogram } from './route-histogram';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LABELS = ['route', 'method', 'status'];

/** The same observations into prom-client's Histogram and into ours, each in its own registry. */
function both() {
  const theirs = new Registry();
  const ours = new Registry();
  const config = { name: 'x_seconds', help: 'Requests.', labelNames: LABELS, buckets: BUCKETS };
  const reference = new Histogram({ ...config, registers: [theirs] });
  const histogram = new RouteHistogram({ ...config, registers: [ours] });
  return {
    observe(labels: string[], seconds: number) {
      reference.labels(...labels).observe(seconds);
      histogram.labels(...labels).observe(seconds);
    },
    histogram,
    reference,
    theirs,
    ours,
  };
}

describe('RouteHistogram', () => {
  it('exposes what prom-client exposes for the same observations, text and JSON', async () => {
    const h = both();
    h.observe(['/v1/verificaties', 'GET', '200'], 0.0004);
    h.observe(['/v1/verificaties', 'GET', '200'], 0.001); // on a bound: counted in it, as Prometheus has it
    h.observe(['/v1/health', 'GET', '200'], 0.3);
    h.observe(['/v1/verificaties', 'GET', '200'], 12); // above every bound: only +Inf
    h.observe(['unmatched', 'GET', '404'], 0);
    expect(await h.ours.metrics()).toBe(await h.theirs.metrics());
    expect(await h.ours.getMetricsAsJSON()).toEqual(await h.theirs.getMetricsAsJSON());
    expect(await h.ours.metrics()).toContain('x_seconds_bucket{le="0.001",route="/v1/verificaties",method="GET",status="200"} 2\n');
  });

  it('stays the same as prom-client for any observations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('/v1/verificaties', '/v1/certificaten/:nummer', 'a "quoted" \\ route'),
            fc.constantFrom('GET', 'POST'),
            fc.constantFrom('200', '404', '500'),
            fc.oneof(fc.constantFrom(...BUCKETS), fc.double({ min: 0, max: 100, noNaN: true })),
          ),
          { maxLength: 60 },
        ),
        async (observations) => {
          const h = both();
          for (const [route, method, status, seconds] of observations) h.observe([route, method, status], seconds);
          expect(await h.ours.metrics()).toBe(await h.theirs.metrics());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands out one series per label values, which reset sets back to zero', async () => {
    const h = both();
    const first = h.histogram.labels('/v1/verificaties', 'GET', '200');
    expect(h.histogram.labels('/v1/verificaties', 'GET', '200')).toBe(first);
    first.observe(0.002);
    h.histogram.reset();
    first.observe(0.02);
    const text = await h.ours.metrics();
    expect(text).toContain('x_seconds_count{route="/v1/verificaties",method="GET",status="200"} 1\n');
    expect(text).toContain('x_seconds_bucket{le="0.01",route="/v1/verificaties",method="GET",status="200"} 0\n');
  });

  it('refuses what prom-client refuses: a wrong number of labels, a value that is not a number, le as a label', () => {
    const registers: Registry[] = [];
    const histogram = new RouteHistogram({ name: 'y', help: 'y', labelNames: LABELS, buckets: BUCKETS, registers });
    expect(() => histogram.labels('/v1/health', 'GET')).toThrow(/3 label values/);
    expect(() => histogram.labels('/v1/health', 'GET', '200').observe(Number.NaN)).toThrow(TypeError);
    expect(() => histogram.labels('/v1/health', 'GET', '200').observe(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => new RouteHistogram({ name: 'z', help: 'z', labelNames: ['le'], buckets: BUCKETS, registers })).toThrow(/reserved/);
    expect(() => new RouteHistogram({ name: 'z', help: 'z', labelNames: [], buckets: [1, 1], registers })).toThrow(/distinct/);
  });

  it('takes one name once per registry, as prom-client does', () => {
    const registry = new Registry();
    new RouteHistogram({ name: 'dup', help: 'd', labelNames: [], buckets: BUCKETS, registers: [registry] });
    expect(() => new Histogram({ name: 'dup', help: 'd', registers: [registry] })).toThrow(/already been registered/);
  });
});
