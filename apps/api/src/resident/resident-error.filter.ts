import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '@keurmerk/common';
import { toProblem } from '../http/problem';
import { chooseLanguage } from './resident-language';
import { errorPage } from './resident.templates';

/**
 * Residents get a page, not problem+json: the status the API would answer, explained in their
 * language. Like the API's filter, a 500 is logged with its cause and shown without it.
 */
@Catch()
@Injectable()
export class ResidentErrorFilter implements ExceptionFilter {
  constructor(private readonly clock: Clock) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status } = toProblem(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (reply.sent) return;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const { language, explicit } = chooseLanguage(query.taal, request.headers['accept-language']);
    const context = { language, explicit, path: '/controleer', query: new URLSearchParams(), now: this.clock.now() };
    // Ours and the global public-route limit both carry the seconds to wait.
    const retryAfter =
      error && typeof error === 'object' && 'retryAfterSeconds' in error
        ? Number((error as { retryAfterSeconds: unknown }).retryAfterSeconds)
        : undefined;
    if (status === 429 && retryAfter) reply.header('Retry-After', String(retryAfter));
    reply
      .status(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Language', language)
      .send(errorPage(context, status, retryAfter));
  }
}
