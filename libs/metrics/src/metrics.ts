import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RouteHistogram } from './route-histogram';

/** Seconds: from a fast cached answer (sub-millisecond) to a slow report or a PDF upload. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: a certificate is rendered, signed and stored in tens of milliseconds; a loaded worker takes longer. */
const ISSUANCE_BUCKETS = [0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5];
const JOB_BUCKETS = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];

/** One value a labelled gauge reports when scraped. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/**
 * The process's Prometheus metrics, one registry per Nest application (so two apps in one test
 * process do not share counts). Counts other parts keep anyway (the verification cache's hits) and
 * sizes that live in the database (queue depth, webhook backlog) are read when Prometheus scrapes,
 * never on the request path. Served by startMetricsServer on its own port.
 */
export class Metrics {
  readonly registry = new Registry();

  /**
   * Every HTTP request by route pattern (not the raw URL), method and status: rate from `_count`,
   * latency from the buckets. Observed once per answer, so a histogram made for that (RouteHistogram).
   */
  readonly httpRequests = new RouteHistogram({
    name: 'keurmerk_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status code, and how long they took.',
    labelNames: ['route', 'method', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  /** Render, sign and store of one certificate (the issuer's work, in the worker). */
  readonly issuance = new Histogram({
    name: 'keurmerk_certificate_issuance_seconds',
    help: 'Time to render, sign and store one certificate and its credential.',
    buckets: ISSUANCE_BUCKETS,
    registers: [this.registry],
  });

  /** A background job's handler, by queue and outcome. */
  readonly jobs = new Histogram({
    name: 'keurmerk_job_duration_seconds',
    help: 'Background jobs by queue and outcome (done, failed), and how long their handler ran.',
    labelNames: ['queue', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  /** How long a job waited in its queue before a worker took it. */
  readonly jobWait = new Histogram({
    name: 'keurmerk_job_wait_seconds',
    help: 'Time from enqueueing a job (or its start-after time) to a worker taking it.',
    labelNames: ['queue'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  /** Webhook delivery attempts by result: delivered, retry (failed, tried again later), abandoned, superseded. */
  readonly webhookAttempts = new Counter({
    name: 'keurmerk_webhook_attempts_total',
    help: 'Webhook delivery attempts by result (delivered, retry, abandoned, superseded).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  /** A counter whose value another part already keeps; read at scrape time. */
  counterFrom(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  /** A gauge with labels whose values are looked up at scrape time (database counts, say). */
  gaugeFrom(name: string, help: string, labelNames: string[], read: () => Promise<Sample[]>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const sample of await read()) this.set(sample.labels, sample.value);
      },
    });
  }
}
