import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApiKeyService, hasRole, Principal, Role, TokenService } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { ACCESS_METADATA, Audience, RequestWithPrincipal } from './access';

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const audience = this.reflector.getAllAndOverride<Audience[] | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!audience) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access policy`);

    // Web pages sign in with a session cookie, never with a bearer token: the WebGuard decides.
    if (audience.includes('web-session')) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    // Credentials that are sent are checked even on public routes: a wrong key is an error, not anonymity.
    request.principal = await this.authenticate(request);
    if (audience.includes('anyone')) return true;
    if (!request.principal) throw AppException.unauthenticated();
    if (allows(audience, request.principal)) return true;
    throw AppException.forbidden();
  }

  private async authenticate(request: RequestWithPrincipal): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw AppException.unauthenticated('Send the access token as "Authorization: Bearer <token>".');
      return this.tokens.verify(match[1]);
    }
    const key = request.headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      if (key.length > 200) throw AppException.unauthenticated('The API key is not valid.');
      return this.apiKeys.authenticate(key);
    }
    return undefined;
  }

  /** Fails start-up when a route was added without saying who may call it. */
  static assertDeclared(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): void {
    const undeclared: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (reflector.get('path', handler) === undefined) continue;
        const declared = reflector.getAllAndOverride(ACCESS_METADATA, [handler, instance.constructor]);
        if (!declared) undeclared.push(`${instance.constructor.name}.${method}`);
      }
    }
    if (undeclared.length > 0) throw new Error(`Routes without an access policy: ${undeclared.join(', ')}`);
  }
}

export function allows(audience: Audience[], principal: Principal): boolean {
  if (principal.kind === 'api-key') return audience.includes('api-key');
  return audience.some((a) => a !== 'anyone' && a !== 'api-key' && a !== 'web-session' && hasRole(principal, a as Role));
}
