import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify';
import type { AppConfig } from '@keurmerk/config';
import type { VerificationService } from '@keurmerk/verification';
import { setRateLimitHeaders } from '../http/rate-limit.guard';
import type { PublicRateWindows } from '../http/public-rate-windows';
import { renderVerdict } from './verification.controller';
import { parseVerificationRequest } from './verification-input';

export const VERIFICATION_PATH = '/v1/verificaties';

/**
 * The permit check is the hottest route by far. Its common case, a valid question without
 * credentials, is answered by the Fastify handler itself with the controller's service, parser,
 * renderer and rate limiter; it skips Nest's per-request pipeline of guards, pipes and filters, which
 * was half the time of a cached answer (docs/performance.md). Everything else (credentials, a bad
 * question, the limit reached, any error) goes to the Nest handler, so there is one shape for
 * refusals and errors, and the controller stays the route's documentation.
 *
 * The route logs at `warn`: a lookup by address names where someone lives, and a line per public
 * lookup at `info` cost a third of the throughput for nothing anyone reads. Errors are still logged.
 *
 * Installed with `onRoute` before Nest registers its routes (`app.init()`).
 */
export function installVerificationFastPath(
  fastify: FastifyInstance,
  verification: VerificationService,
  limiter: PublicRateWindows,
  config: AppConfig,
): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== VERIFICATION_PATH || !isGet(route.method)) return;
    route.logLevel = 'warn';
    const nest = route.handler;
    route.handler = function fastVerification(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      if (request.headers.authorization || request.headers['x-api-key']) return nest.call(this, request, reply);
      const { request: question } = parseVerificationRequest({ ...(request.query as Record<string, unknown>) });
      if (!question) return nest.call(this, request, reply);
      const allowance = limiter.take(`ip:${request.ip}`, config.rateLimits.publicPerMinute);
      if (allowance.retryAfterSeconds !== undefined) return nest.call(this, request, reply);
      setRateLimitHeaders(reply, allowance);
      return verification.verifyRendered(question, renderVerdict).then(
        (text) => reply.type('application/json; charset=utf-8').send(text),
        () => nest.call(this, request, reply),
      );
    } as RouteHandlerMethod;
  });
}

const isGet = (method: RouteOptions['method']): boolean => (Array.isArray(method) ? method.includes('GET') : method === 'GET');
