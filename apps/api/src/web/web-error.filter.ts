import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Clock } from '@keurmerk/common';
import { toProblem } from '../http/problem';
import { sendPage } from './layout';
import { type WebContext, type WebRequest } from './web-context';
import { chooseWebLanguage } from './web-language';
import { errorPage } from './shared/shared.views';

/** Defined here, not imported from the guard, which imports this filter. */
function isRedirect(error: unknown): error is { location: string } {
  return (
    error instanceof Error && error.constructor.name === 'WebRedirect' && typeof (error as { location?: unknown }).location === 'string'
  );
}

/**
 * The web app answers errors with a page in the person's language, never with problem+json, and
 * sends a browser without a session to the sign-in page. A 500 is logged with its cause and shown
 * without it, as the API's filter does.
 */
@Catch()
@Injectable()
export class WebErrorFilter implements ExceptionFilter {
  constructor(private readonly clock: Clock) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (isRedirect(error)) {
      reply.status(303).header('Location', error.location).header('Cache-Control', 'no-store').send();
      return;
    }
    const { status } = toProblem(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // The 401 of a service (a session that ended mid-request): sign in again, then come back.
    if (status === 401 && request.method === 'GET') {
      reply
        .status(303)
        .header('Location', `/app/inloggen?terug=${encodeURIComponent(request.url)}`)
        .send();
      return;
    }
    const context: WebContext = request.web ?? {
      language: chooseWebLanguage(undefined, request.headers['accept-language']),
      csrfToken: '',
      url: request.url,
      now: this.clock.now(),
    };
    const retryAfter =
      error && typeof error === 'object' && 'retryAfterSeconds' in error
        ? Number((error as { retryAfterSeconds: unknown }).retryAfterSeconds)
        : undefined;
    if (status === 429 && retryAfter) reply.header('Retry-After', String(retryAfter));
    sendPage(reply, context, errorPage(context, status), status);
  }
}
