import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Clock } from '@keurmerk/common';
import { toProblem } from '../http/problem';
import { html, page, sendPage } from './layout';
import { t, type WebContext, type WebRequest } from './web-context';
import { chooseWebLanguage } from './web-language';

/** Defined here, not imported from the guard, which imports this filter. */
function isRedirect(error: unknown): error is { location: string } {
  return error instanceof Error && error.constructor.name === 'WebRedirect' && typeof (error as { location?: unknown }).location === 'string';
}

const MESSAGES: Record<number, [string, string, string, string]> = {
  400: ['Dit verzoek klopt niet', 'This request is not valid', 'Ga terug en probeer het opnieuw.', 'Go back and try again.'],
  403: ['Geen toegang', 'No access', 'U heeft geen toegang tot deze pagina, of het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.', 'You do not have access to this page, or the form has expired. Reload the page and try again.'],
  404: ['Niet gevonden', 'Not found', 'Deze pagina bestaat niet, of u heeft er geen toegang toe.', 'This page does not exist, or you do not have access to it.'],
  409: ['Dat kan nu niet', 'That is not possible now', 'De gegevens zijn intussen veranderd. Laad de pagina opnieuw.', 'The data has changed in the meantime. Reload the page.'],
  413: ['Bestand te groot', 'File too large', 'Het bestand is te groot.', 'The file is too large.'],
  429: ['Even wachten', 'Please wait', 'Te veel pogingen. Wacht even en probeer het dan opnieuw.', 'Too many attempts. Wait a moment and try again.'],
  503: ['Even niet beschikbaar', 'Temporarily unavailable', 'Een onderdeel is even niet bereikbaar. Probeer het over een minuut opnieuw; er is niets verloren.', 'A component is temporarily unreachable. Try again in a minute; nothing was lost.'],
};

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
      reply.status(303).header('Location', `/app/inloggen?terug=${encodeURIComponent(request.url)}`).send();
      return;
    }
    const context: WebContext = request.web ?? {
      language: chooseWebLanguage(undefined, request.headers['accept-language']),
      csrfToken: '',
      url: request.url,
      now: this.clock.now(),
    };
    const retryAfter = error && typeof error === 'object' && 'retryAfterSeconds' in error ? Number((error as { retryAfterSeconds: unknown }).retryAfterSeconds) : undefined;
    if (status === 429 && retryAfter) reply.header('Retry-After', String(retryAfter));
    const [titleNl, titleEn, textNl, textEn] = MESSAGES[status] ?? (status >= 500 ? ['Er ging iets mis', 'Something went wrong', 'Er ging aan onze kant iets mis. Probeer het later opnieuw.', 'Something went wrong on our side. Try again later.'] : MESSAGES[400]);
    const body = html`<div class="card"><p>${t(context, textNl, textEn)}</p><p><a href="/app">${t(context, 'Naar de startpagina', 'To the start page')}</a></p></div>`;
    sendPage(reply, context, page(context, { title: t(context, titleNl, titleEn), body }), status);
  }
}
