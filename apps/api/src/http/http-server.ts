import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { assertBodyIsText } from './body-text';
import { API_VERSION, problem, PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/** JSON bodies are small in this API; uploads go through multipart with their own limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;
export const PDF_CHECK_LIMIT = 5 * 1024 * 1024;
/**
 * Bytes of one multipart text field: above the longest text the API takes (4,000 characters of up to 4 bytes).
 * A longer one is refused, never cut.
 */
export const MULTIPART_FIELD_LIMIT = 16 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Routes whose answers hand out secrets (tokens, API keys, webhook signing secrets), also to a caller without credentials. */
const SECRET_BEARING_PATHS = /^\/v1\/(tokens|api-sleutels|abonnementen)(\/|\?|$)/;
const SESSION_COOKIE = /(^|;\s*)(__Host-)?keurmerk_sessie=/;

/** A bearer token, an API key or a web-app session: the answer is for this caller only. */
function carriesCredentials(request: FastifyRequest): boolean {
  const { authorization, cookie } = request.headers;
  return (
    Boolean(authorization) || request.headers['x-api-key'] !== undefined || (typeof cookie === 'string' && SESSION_COOKIE.test(cookie))
  );
}

export function createFastifyAdapter(logger: PinoLogger, trustProxy: boolean): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Client addresses count for rate limits: a forwarded one is believed only when configured.
    trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // `/v1/x/` is a different resource from `/v1/x`: it answers 404, never a redirect.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
    // Requests Node's HTTP parser refuses before Fastify routes them (headers or URL over 16 KiB,
    // malformed request lines) answer problem+json too; Fastify's default wrote plain JSON (the fuzzer found it).
    clientErrorHandler: writeClientErrorProblem,
    // The router's own refusals (a badly percent-encoded or over-long path) are problems too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const body = toProblem(error, request.url.split('?')[0]);
      void reply.code(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
    },
  } as never);
}

/** Answers a request the HTTP parser could not read with a problem, then closes the connection (as Node and Fastify do). */
export function writeClientErrorProblem(error: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail =
    status === 408
      ? 'The request took too long to arrive.'
      : status === 431
        ? 'The request line or headers are larger than 16 KiB.'
        : 'The request could not be read as HTTP.';
  const body = JSON.stringify(
    problem(status, detail, status === 400 ? { invalidParams: [{ name: 'request', code: 'malformed', reason: detail }] } : {}),
  );
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  // Ended, not destroyed at once: a client still sending its oversized headers would otherwise get a
  // reset before it reads the answer. Whatever it sends after the answer is not read; a second later
  // the connection goes.
  setTimeout(() => socket.destroy(), 1000).unref();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ` +
      `${Buffer.byteLength(body)}\r\n` +
      `API-Version: ${API_VERSION}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Headers, parsers and the error shape that hold for every route, including ones Nest never sees. */
export async function configureFastify(fastify: FastifyInstance): Promise<void> {
  // Applied by the hook below, not by the plugin's own hooks (global: false).
  await fastify.register(helmet, {
    global: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // HSTS does this in production; on plain-http localhost it would break every form.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Only the web app at /app uses cookies (its session, form token and language).
  await fastify.register(cookie);
  await fastify.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: MULTIPART_FIELD_LIMIT, parts: 12 },
  });

  // PDFs sent for checking arrive as raw bytes (POST /v1/verificaties/documenten), at most 5 MiB.
  fastify.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: PDF_CHECK_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  // @fastify/helmet builds helmet's middleware anew on every request: a third of the time of the
  // verification route (docs/performance.md). Its headers are the same for every response, so helmet
  // makes them once, on the first request, and every later response gets that set as it was.
  let securityHeaders: [string, number | string | string[]][] | undefined;
  fastify.addHook('onRequest', async (request, reply) => {
    if (securityHeaders) {
      for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    } else {
      const before = new Set(reply.raw.getHeaderNames());
      reply.helmet();
      securityHeaders = reply.raw
        .getHeaderNames()
        .filter((name) => !before.has(name))
        .map((name) => [name, reply.raw.getHeader(name)!]);
    }
    reply.header('API-Version', API_VERSION);
    reply.header('X-Request-Id', request.id);
  });
  // Answers to a signed-in caller carry personal data or secrets (an access token, an API key, a
  // webhook secret): no browser or shared cache may keep them. Public answers keep their own policy.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!carriesCredentials(request) && !SECRET_BEARING_PATHS.test(request.url)) return payload;
    // A route's own stricter policy (`private, no-store` on documents) stays; anything weaker is replaced.
    if (!/\bno-store\b/.test(String(reply.getHeader('Cache-Control') ?? ''))) reply.header('Cache-Control', 'no-store');
    return payload;
  });
  // Before any validator or service sees a parsed body: NUL and lone surrogates are refused as input.
  fastify.addHook('preValidation', async (request) => assertBodyIsText(request.body));
}
