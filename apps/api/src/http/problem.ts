import { HttpException } from '@nestjs/common';
import { AppErrorCode, AppException, InvalidParam } from '@keurmerk/common';
import { isDatabaseUnavailable } from '@keurmerk/database';

export const API_VERSION = '1.1.0';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: InvalidParam[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one place where error codes become HTTP statuses; the switch is exhaustive by type. */
export function statusOf(code: AppErrorCode): number {
  switch (code) {
    case AppErrorCode.InvalidInput:
      return 400;
    case AppErrorCode.Unauthenticated:
      return 401;
    case AppErrorCode.Forbidden:
      return 403;
    case AppErrorCode.NotFound:
      return 404;
    case AppErrorCode.Conflict:
      return 409;
    case AppErrorCode.PayloadTooLarge:
      return 413;
    case AppErrorCode.UnsupportedMediaType:
      return 415;
    case AppErrorCode.RateLimited:
      return 429;
    case AppErrorCode.Unavailable:
      return 503;
    case AppErrorCode.Gone:
      return 410;
  }
}

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: status === 500 ? 'about:blank' : `https://keurmerk.nl/problemen/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

/** Fastify's own errors (body parsing, limits) carry a code and a 4xx status. */
interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Turns anything thrown into a problem. Only AppException, Nest's HttpException and Fastify's client
 * errors speak to the caller; a database outage is a 503; everything else is a 500 that says nothing
 * about its cause.
 */
export function toProblem(error: unknown, instance?: string): Problem {
  if (error instanceof AppException) {
    return problem(statusOf(error.code), error.detail, {
      instance,
      ...(error.problemType ? { type: error.problemType } : {}),
      ...(error.invalidParams ? { invalidParams: error.invalidParams } : {}),
    });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500)
      return problem(status, status === 503 ? 'The service is temporarily unavailable.' : 'An unexpected error occurred.', { instance });
    // Nest raises a plain 400 when Fastify cannot parse the body; every 400 must name what was wrong.
    if (status === 400) {
      const reason = 'The request body could not be read; send a JSON object.';
      return problem(400, reason, { instance, invalidParams: [{ name: 'body', code: 'malformed', reason }] });
    }
    const detail =
      status === 404 ? 'No resource exists at this address.' : status === 405 ? 'This method is not allowed here.' : error.message;
    return problem(status, detail, { instance });
  }
  const fastifyError = error as FastifyLikeError;
  if (fastifyError && typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, fastifyClientErrorDetail(fastifyError), {
      instance,
      ...(fastifyError.statusCode === 400
        ? {
            invalidParams: [
              {
                name: fastifyError.code === 'FST_ERR_BAD_URL' ? 'path' : 'body',
                code: 'malformed',
                reason: fastifyClientErrorDetail(fastifyError),
              },
            ],
          }
        : {}),
    });
  }
  // The database restarting or unreachable is an outage, not a bug: the caller may try again (503).
  if (isDatabaseUnavailable(error)) return problem(503, 'The database is not available. Try again later.', { instance });
  return problem(500, 'An unexpected error occurred.', { instance });
}

function fastifyClientErrorDetail(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This content type is not accepted here.';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The Content-Length header does not match the body.';
    case 'FST_ERR_BAD_URL':
      return 'The path is not valid: a segment is not correctly percent-encoded UTF-8.';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'A path segment is longer than any identifier here.';
    default:
      return 'The request could not be read.';
  }
}
