import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeader,
  type RequestListener,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
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

/**
 * Answers a request before Fastify sees it, or returns false to leave it to Fastify. Set once the
 * application is built (the verification front door); until then everything goes to Fastify.
 */
export interface FrontDoor {
  /** `fastify` is Fastify's own handler: for a request the front door took and then cannot answer after all. */
  answer?: (request: IncomingMessage, response: ServerResponse, fastify: RequestListener) => boolean;
}

/** A request's id: the caller's X-Request-Id when it is a sensible one, else a new UUID. */
export function requestIdOf(headers: IncomingMessage['headers']): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Fastify's own HTTP/1 server, as it makes it, with the front door in front of its handler. */
function serverWithFrontDoor(frontDoor: FrontDoor) {
  return (
    handler: RequestListener,
    options: { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket?: number },
  ): Server => {
    const server = createServer((request, response) => {
      if (!frontDoor.answer?.(request, response, handler)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}

export function createFastifyAdapter(logger: PinoLogger, trustProxy: boolean, frontDoor: FrontDoor = {}): FastifyAdapter {
  return new FastifyAdapter({
    serverFactory: serverWithFrontDoor(frontDoor),
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    // Client addresses count for rate limits: a forwarded one is believed only when configured.
    trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (request: IncomingMessage) => requestIdOf(request.headers),
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

/** The headers every answer carries (helmet's, once made, and the API version), in the order they are set. */
export interface CommonHeaders {
  /** As a flat [name, value, …] list for `writeHead`; undefined until the first answer has made helmet's set. */
  current(): OutgoingHttpHeader[] | undefined;
}

/** Headers, parsers and the error shape that hold for every route, including ones Nest never sees. */
export async function configureFastify(fastify: FastifyInstance, options: { imageOrigins?: string[] } = {}): Promise<CommonHeaders> {
  // Applied by the hook below, not by the plugin's own hooks (global: false).
  await fastify.register(helmet, {
    global: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Plus the map tiles' server (KAART_TEGELS_URL), when one is set.
        imgSrc: ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])],
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
  // The hooks take callbacks rather than being async: a promise per hook per request is measurable.
  let securityHeaders: [string, number | string | string[]][] | undefined;
  fastify.addHook('onRequest', (request, reply, done) => {
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
    done();
  });
  // Answers to a signed-in caller carry personal data or secrets (an access token, an API key, a
  // webhook secret): no browser or shared cache may keep them. Public answers keep their own policy.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (carriesCredentials(request) || SECRET_BEARING_PATHS.test(request.url)) {
      // A route's own stricter policy (`private, no-store` on documents) stays; anything weaker is replaced.
      if (!/\bno-store\b/.test(String(reply.getHeader('Cache-Control') ?? ''))) reply.header('Cache-Control', 'no-store');
    }
    done(null, payload);
  });
  // Before any validator or service sees a parsed body: NUL and lone surrogates are refused as input.
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      assertBodyIsText(request.body);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
  let common: OutgoingHttpHeader[] | undefined;
  return {
    current: () => (common ??= securityHeaders && [...securityHeaders.flat(), 'api-version', API_VERSION]),
  };
}
