export const CALLBACK_URL_MAX_LENGTH = 2000;

export interface CallbackUrlProblem {
  code: 'format' | 'scheme' | 'credentials';
  reason: string;
}

/**
 * The shape rules for a callback URL, before anything is resolved or sent: absolute, https (http
 * only where private targets are allowed), no user-info (credentials belong in `auth`, which is
 * stored apart and never shown again) and no fragment.
 */
export function checkCallbackUrl(raw: string, options: { allowHttp: boolean }): { url: URL } | { problem: CallbackUrlProblem } {
  if (raw.length > CALLBACK_URL_MAX_LENGTH)
    return { problem: { code: 'format', reason: `callbackUrl must be at most ${CALLBACK_URL_MAX_LENGTH} characters.` } };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: { code: 'format', reason: 'callbackUrl must be an absolute URL, such as https://example.nl/keurmerk/events.' } };
  }
  if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) {
    return {
      problem: {
        code: 'scheme',
        reason: options.allowHttp ? 'callbackUrl must be an https or http URL.' : 'callbackUrl must be an https URL.',
      },
    };
  }
  if (!url.hostname) return { problem: { code: 'format', reason: 'callbackUrl must name a host.' } };
  if (url.username || url.password)
    return { problem: { code: 'credentials', reason: 'callbackUrl must not hold credentials; send them in auth.' } };
  if (url.hash) return { problem: { code: 'format', reason: 'callbackUrl must not have a fragment (#...).' } };
  return { url };
}

/** The host without the brackets WHATWG URLs keep around IPv6 literals. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}
