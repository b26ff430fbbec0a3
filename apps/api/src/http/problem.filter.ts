import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/** Every error leaves as application/problem+json; a 500 is logged with its cause and answered without it. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toProblem(error, request.url.split('?')[0]);
    if (body.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (body.status === 401 || body.status === 403) {
      this.logger.debug(`${request.method} ${request.url.split('?')[0]} refused with ${body.status}`);
    }
    if (reply.sent) return;
    if (body.status === 429 && error && typeof error === 'object' && 'retryAfterSeconds' in error) {
      reply.header('Retry-After', String((error as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
