import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Principal, Role } from '@keurmerk/accounts';

/**
 * Who may call a route: a role, a municipal API key, anyone, or (`web-session`) the web app's
 * pages, where the WebGuard checks the session cookie, the role and the CSRF token instead.
 */
export type Audience = Role | 'api-key' | 'anyone' | 'web-session';

export const ACCESS_METADATA = 'keurmerk:access';

/**
 * Every route declares its audience; a route without one does not boot (see AccessGuard.assertDeclared).
 * The guard checks only the audience: ownership (whose location, which municipality, which
 * assignment) is checked by the services, which answer 404 for what the caller may not see.
 */
export function Access(...audience: Audience[]): MethodDecorator & ClassDecorator {
  const decorators: (MethodDecorator & ClassDecorator)[] = [SetMetadata(ACCESS_METADATA, audience)];
  if (audience.some((a) => a !== 'anyone' && a !== 'api-key' && a !== 'web-session')) decorators.push(ApiBearerAuth());
  if (audience.includes('api-key')) decorators.push(ApiSecurity('apiKey'));
  return applyDecorators(...decorators);
}

export type RequestWithPrincipal = FastifyRequest & { principal?: Principal };

/** The authenticated caller, or undefined on public routes called anonymously. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
});
