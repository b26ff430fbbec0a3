import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { ACCESS_METADATA, type Audience, type RequestWithPrincipal } from './access';
import { PublicRateWindows } from './public-rate-windows';

/**
 * Rate limits on the public routes (those open to anyone): per client address, or per API key with a
 * much higher limit, so a municipality's permit system is not slowed by anyone else's traffic.
 *
 * Not @nestjs/throttler: it is CommonJS requiring the ESM-only @nestjs/common, which Node 20 runs but
 * jest's ESM mode cannot load.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: PublicRateWindows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const audience = this.reflector.getAllAndOverride<Audience[] | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!audience?.includes('anyone')) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = request.principal;
    const allowance =
      principal?.kind === 'api-key'
        ? this.limiter.take(`key:${principal.apiKeyId}`, this.config.rateLimits.apiKeyPerMinute)
        : this.limiter.take(`ip:${request.ip}`, this.config.rateLimits.publicPerMinute);
    setRateLimitHeaders(context.switchToHttp().getResponse<FastifyReply>(), allowance);
    if (allowance.retryAfterSeconds === undefined) return true;
    throw Object.assign(
      new AppException(AppErrorCode.RateLimited, 'Too many requests. Wait a moment, or use a municipal API key for higher limits.'),
      {
        retryAfterSeconds: allowance.retryAfterSeconds,
      },
    );
  }
}

export function setRateLimitHeaders(reply: FastifyReply, allowance: { limit: number; remaining: number }): void {
  reply.header('RateLimit-Limit', String(allowance.limit));
  reply.header('RateLimit-Remaining', String(allowance.remaining));
}
