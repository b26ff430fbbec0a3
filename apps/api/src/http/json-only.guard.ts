import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppErrorCode, AppException } from '@keurmerk/common';

/**
 * Accepts only `application/json` bodies. A web page on another site can make its visitors' browsers
 * send a form (urlencoded, multipart, text/plain) anywhere without asking; a JSON body needs a CORS
 * preflight, which this API never grants. A public write that people could be made to do from their
 * own address (a complaint) therefore takes JSON only: anything else is 415 before the body is read.
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const type = String(context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
      throw new AppException(AppErrorCode.UnsupportedMediaType, 'Send the body as application/json.');
    }
    return true;
  }
}

export const JsonOnly = () => UseGuards(JsonOnlyGuard);
