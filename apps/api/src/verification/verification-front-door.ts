import type { IncomingMessage, OutgoingHttpHeader, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse as parseQuery } from 'node:querystring';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppConfig } from '@keurmerk/config';
import type { Metrics } from '@keurmerk/metrics';
import type { Verdict, VerificationRequest, VerificationService } from '@keurmerk/verification';
import { type CommonHeaders, type FrontDoor, requestIdOf } from '../http/http-server';
import type { PublicRateWindows } from '../http/public-rate-windows';
import { renderVerdict } from './verification.controller';
import { parseVerificationRequest } from './verification-input';

export const VERIFICATION_PATH = '/v1/verificaties';
const QUESTION_PREFIX = `${VERIFICATION_PATH}?`;
const JSON_TYPE = 'application/json; charset=utf-8';
const TRUST_ALL = (): boolean => true;
/** Parsed questions kept by their query string, up to this many and this long (a valid question is shorter): at most about 20 MB. */
const PARSED_QUESTIONS_LIMIT = 50_000;
const PARSED_QUESTION_LENGTH = 200;
/** Rate-limit window keys kept by client address, up to this many (a key is about 50 bytes). */
const WINDOW_KEYS_LIMIT = 10_000;
/** The answer as bytes, kept so beside the facts: a string body would be encoded to UTF-8 again for every response. */
const renderVerdictBytes = (verdict: Verdict): Buffer => Buffer.from(renderVerdict(verdict));

/**
 * The permit check is the hottest route by far. Its common case, a valid question without
 * credentials, is answered in front of Fastify, on the Node server's request event, with the
 * controller's own parser, renderer and service and the same rate-limit windows; the answer carries
 * the same bytes and the same headers (helmet's set, API-Version, X-Request-Id, the RateLimit pair)
 * and is counted in the same request metric. Fastify's routing, hooks, reply object and Nest's
 * pipeline were three quarters of a cached answer's time (docs/performance.md).
 *
 * Everything else goes to Fastify and Nest as before: credentials, a question the parser refuses,
 * the limit reached, a failing lookup (handed over after the fact), and anything before the first
 * answer has made helmet's headers. So refusals and errors keep their one shape, the controller stays
 * the route's documentation, and `GET /v1/verificaties` logs at `warn` (a lookup by address names
 * where someone lives; errors are still logged).
 */
export function verificationFrontDoor(parts: {
  verification: VerificationService;
  limiter: PublicRateWindows;
  config: AppConfig;
  headers: CommonHeaders;
  metrics: Metrics;
}): NonNullable<FrontDoor['answer']> {
  const { verification, limiter, config, headers } = parts;
  const limit = config.rateLimits.publicPerMinute;
  const limitText = String(limit);
  const timer = parts.metrics.httpRequests.labels(VERIFICATION_PATH, 'GET', '200');
  // Parsing is pure: a question asked before (a municipality asks the same ones again) is not parsed again.
  const questions = new Map<string, VerificationRequest>();
  const questionOf = (query: string): VerificationRequest | undefined => {
    let question = questions.get(query);
    if (question === undefined) {
      question = parseVerificationRequest(parseQuery(query)).request;
      if (question === undefined || query.length > PARSED_QUESTION_LENGTH) return question;
      if (questions.size >= PARSED_QUESTIONS_LIMIT) questions.clear();
      questions.set(query, question);
    }
    return question;
  };
  // The rate-limit window's key per client address, made once: a request names one of few addresses.
  const windowKeys = new Map<string | undefined, string>();
  const windowKeyOf = (address: string | undefined): string => {
    let key = windowKeys.get(address);
    if (key === undefined) {
      if (windowKeys.size >= WINDOW_KEYS_LIMIT) windowKeys.clear();
      windowKeys.set(address, (key = `ip:${address}`));
    }
    return key;
  };
  return (request: IncomingMessage, response: ServerResponse, fastify: RequestListener): boolean => {
    const url = request.url;
    if (request.method !== 'GET' || url === undefined || !url.startsWith(QUESTION_PREFIX)) return false;
    const started = performance.now();
    if (request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined) return false;
    const common = headers.current();
    if (!common) return false;
    const question = questionOf(url.slice(QUESTION_PREFIX.length));
    if (!question) return false;
    // As Fastify works it out (trustProxy): the socket's address, or the forwarded client's when proxies are trusted.
    const address = config.trustProxy ? proxyAddr.all(request, TRUST_ALL).at(-1) : request.socket.remoteAddress;
    const allowance = limiter.take(windowKeyOf(address), limit);
    if (allowance.retryAfterSeconds !== undefined) return false;
    const id = requestIdOf(request.headers);
    const remaining = String(allowance.remaining);
    // Answered at once from the cache (no closure, no promise); else when the database has answered, or by Fastify if it fails.
    let now: Buffer | Promise<Buffer>;
    try {
      now = verification.verifyRenderedNow(question, renderVerdictBytes);
    } catch {
      handOver(fastify, request, response);
      return true;
    }
    if (now instanceof Promise) {
      now.then(
        (body) => {
          answer(response, common, id, limitText, remaining, body);
          timer.observe((performance.now() - started) / 1000);
        },
        () => handOver(fastify, request, response),
      );
      return true;
    }
    answer(response, common, id, limitText, remaining, now);
    timer.observe((performance.now() - started) / 1000);
    return true;
  };
}

/** For a request the front door took and cannot answer after all: Fastify answers it (an error, in its one shape). */
function handOver(fastify: RequestListener, request: IncomingMessage, response: ServerResponse): void {
  if (!response.headersSent) fastify(request, response);
}

/** The answer with the route's headers, in the order Fastify's answer has them. */
function answer(response: ServerResponse, common: OutgoingHttpHeader[], id: string, limit: string, remaining: string, body: Buffer): void {
  response.writeHead(200, [
    ...common,
    'x-request-id',
    id,
    'ratelimit-limit',
    limit,
    'ratelimit-remaining',
    remaining,
    'content-type',
    JSON_TYPE,
    'content-length',
    String(body.length),
  ]);
  response.end(body);
}

/** The route logs at `warn` (see above). Installed with `onRoute` before Nest registers its routes (`app.init()`). */
export function quietVerificationRoute(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url === VERIFICATION_PATH) route.logLevel = 'warn';
  });
}
