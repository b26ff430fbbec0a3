import type { Histogram, Registry } from 'prom-client';

/** One labelled series, kept by whoever times requests into it. */
export interface Observer {
  observe(seconds: number): void;
}

interface Series extends Observer {
  readonly labels: Record<string, string>;
  /** Per bucket, not cumulative; the last counts what is above the highest bound. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/** A line of the exposition as prom-client's registry reads it from a metric (`getForPromString`). */
interface Value {
  metricName: string;
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  exemplar?: null;
}

interface Exposition<V> {
  name: string;
  help: string;
  type: 'histogram';
  aggregator: 'sum';
  values: V[];
}

/**
 * A Prometheus histogram for the request path: a labelled series is made once, by `labels(…)`, and
 * observing into it is a walk over the bounds and three additions. prom-client's own Histogram, on
 * every observation, builds a hash string of the labels, checks them, and counts the bucket under a
 * property named by the bound as a string: at one observation per answer that was a tenth of the
 * verification route's time (docs/performance.md). Registered in a prom-client registry and
 * formatted by it, exactly as prom-client's Histogram is (`route-histogram.spec.ts` holds the two to
 * the same text).
 */
export class RouteHistogram {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  readonly name: string;
  readonly help: string;
  private readonly labelNames: readonly string[];
  /** The buckets' upper bounds, ascending. */
  private readonly bounds: Float64Array;
  private readonly series = new Map<string, Series>();

  constructor(options: { name: string; help: string; labelNames: readonly string[]; buckets: readonly number[]; registers: Registry[] }) {
    if (options.labelNames.includes('le')) throw new Error('le is a reserved label name');
    const sorted = [...options.buckets].sort((a, b) => a - b);
    if (sorted.some((bound, i) => !Number.isFinite(bound) || bound === sorted[i - 1]))
      throw new Error('buckets must be finite and distinct');
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    this.bounds = Float64Array.from(sorted);
    // The registry takes anything with prom-client's metric shape; its type names only its own classes.
    for (const registry of options.registers) registry.registerMetric(this as unknown as Histogram);
  }

  /** The series for these label values, in `labelNames` order; made on first use and kept. */
  labels(...values: string[]): Observer {
    if (values.length !== this.labelNames.length) {
      throw new Error(`${this.name} takes ${this.labelNames.length} label values, not ${values.length}`);
    }
    const key = values.join('\u0000');
    let series = this.series.get(key);
    if (series === undefined) {
      const labels = Object.fromEntries(this.labelNames.map((name, i) => [name, values[i]]));
      this.series.set(key, (series = newSeries(labels, this.bounds)));
    }
    return series;
  }

  /** The registry's view: prom-client's histogram values, series by series in the order first seen. */
  async getForPromString(): Promise<Exposition<Value>> {
    const bucket = `${this.name}_bucket`;
    const values: Value[] = [];
    for (const series of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += series.counts[i];
        values.push({ labels: { le }, sharedLabels: series.labels, value: cumulative, metricName: bucket, exemplar: null });
      });
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: series.labels, value: series.count, metricName: bucket, exemplar: null },
        { labels: {}, sharedLabels: series.labels, value: series.sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: series.labels, value: series.count, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** As prom-client's `get`: each value's labels with the series' own merged in. */
  async get(): Promise<Exposition<Omit<Value, 'sharedLabels'>>> {
    const data = await this.getForPromString();
    return {
      ...data,
      values: data.values.map(({ sharedLabels, labels, ...value }) => ({ ...value, labels: { ...labels, ...sharedLabels } })),
    };
  }

  /** Counts from zero again; the series stay, as do the observers handed out. */
  reset(): void {
    for (const series of this.series.values()) {
      series.counts.fill(0);
      series.sum = 0;
      series.count = 0;
    }
  }
}

function newSeries(labels: Record<string, string>, bounds: Float64Array): Series {
  const series: Series = {
    labels,
    counts: new Float64Array(bounds.length + 1),
    sum: 0,
    count: 0,
    observe(seconds: number): void {
      if (!Number.isFinite(seconds)) throw new TypeError(`Not a number of seconds: ${seconds}`);
      let i = 0;
      while (i < bounds.length && seconds > bounds[i]) i++;
      series.counts[i]++;
      series.sum += seconds;
      series.count++;
    },
  };
  return series;
}
