import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics, Observer } from '@keurmerk/metrics';

/**
 * Times every request into the metrics by route pattern (`/v1/certificaten/:nummer`, never the raw
 * URL, so a label per certificate cannot grow without end), method and status. The hot path pays
 * three Map lookups and the histogram's observe, and allocates nothing: the labelled child is made
 * once per route, method and status, and kept. Fastify times the request itself (reply.elapsedTime,
 * from its arrival).
 */
export function installHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  const children = new Map<string, Map<string, Map<number, Observer>>>();
  const observer = (route: string, method: string, status: number): Observer => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let child = byStatus.get(status);
    if (!child) byStatus.set(status, (child = metrics.httpRequests.labels(route, method, String(status))));
    return child;
  };
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    // No route matched (a 404 of the router): one label for all of them, whatever the URL was.
    observer(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode).observe(reply.elapsedTime / 1000);
    done();
  });
}
