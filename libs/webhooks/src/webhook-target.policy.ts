import { lookup as dnsLookup, promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { classifyAddress } from './address-classifier';
import { checkCallbackUrl, hostOf } from './callback-url';

/** Raised inside a connection attempt whose host resolved to an address that may not be called. */
export class PrivateTargetError extends Error {
  readonly code = 'EKEURMERK_PRIVATE_TARGET';
  constructor(
    readonly address: string,
    readonly addressClass: string,
  ) {
    super(`address ${address} is not allowed (${addressClass})`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Where webhooks may go (SSRF). Checked twice: when a subscription is made, with a readable answer,
 * and on every connection a delivery makes, by resolving the host through `lookup` and refusing a
 * non-public address before connecting, so a DNS answer that changes after the first check (DNS
 * rebinding) gets no further. Embedded mode and WEBHOOK_ALLOW_PRIVATE_TARGETS lift both checks, and
 * allow http.
 */
@Injectable()
export class WebhookTargetPolicy {
  readonly allowPrivate: boolean;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'embedded' | 'webhooks'>) {
    this.allowPrivate = config.embedded || config.webhooks.allowPrivateTargets;
  }

  /** A callback URL given at subscription: shape, scheme, and every address its host resolves to. */
  async check(raw: string): Promise<URL> {
    const shape = checkCallbackUrl(raw, { allowHttp: this.allowPrivate });
    if ('problem' in shape) throw AppException.invalidField('callbackUrl', shape.problem.code, shape.problem.reason);
    if (this.allowPrivate) return shape.url;
    const host = hostOf(shape.url);
    let addresses: string[];
    if (classifyAddress(host)) {
      addresses = [host];
    } else {
      try {
        addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
      } catch {
        throw AppException.invalidField('callbackUrl', 'unresolvable', `The host ${host} of callbackUrl could not be resolved.`);
      }
    }
    for (const address of addresses) {
      const addressClass = classifyAddress(address);
      if (addressClass !== 'public') {
        throw AppException.invalidField(
          'callbackUrl',
          'private-address',
          `The host of callbackUrl resolves to ${address} (${addressClass}); only public addresses can be called back.`,
        );
      }
    }
    return shape.url;
  }

  /** Why a URL may not be called right now, judged without resolving it; undefined when it may. */
  refusal(url: URL): string | undefined {
    if (this.allowPrivate) return undefined;
    if (url.protocol !== 'https:') return 'https is required';
    const addressClass = classifyAddress(hostOf(url));
    return addressClass && addressClass !== 'public' ? `address ${hostOf(url)} is not allowed (${addressClass})` : undefined;
  }

  /** For `http.request({lookup})`: resolves as usual, and fails the connection when any address is not public. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (!this.allowPrivate) {
        for (const { address } of addresses) {
          const addressClass = classifyAddress(address) ?? 'unknown';
          if (addressClass !== 'public') return callback(new PrivateTargetError(address, addressClass), '');
        }
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
