import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { ACCESS_METADATA, type Audience, type RequestWithPrincipal } from './access';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

/**
 * Rate limits on the public routes (those open to anyone): per client address, or per API key with a
 * much higher limit, so a municipality's permit system is not slowed by anyone else's traffic. Fixed
 * one-minute windows in memory, per process: a guard against abuse, not an accounting.
 *
 * Not @nestjs/throttler: it is CommonJS requiring the ESM-only @nestjs/common, which Node 20 runs but
 * jest's ESM mode cannot load.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const audience = this.reflector.getAllAndOverride<Audience[] | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!audience?.includes('anyone')) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = request.principal;
    const key = principal?.kind === 'api-key' ? `key:${principal.apiKeyId}` : `ip:${request.ip}`;
    const limit = principal?.kind === 'api-key' ? this.config.rateLimits.apiKeyPerMinute : this.config.rateLimits.publicPerMinute;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count <= limit) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    throw Object.assign(new AppException(AppErrorCode.RateLimited, 'Too many requests. Wait a moment, or use a municipal API key for higher limits.'), { retryAfterSeconds });
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
