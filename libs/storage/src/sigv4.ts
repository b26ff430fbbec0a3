import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How far a request's X-Amz-Date may be from now, as AWS allows. */
const MAX_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION = new RegExp(
  '^AWS4-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{8})/([^/\\s]+)/([^/\\s]+)/aws4_request, ?' +
    'SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$',
);

/** RFC 3986 encoding as Signature Version 4 wants it (encodeURIComponent leaves !'()* alone). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, '%20'));
      const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, '%20'));
      return [encode(key), encode(value)] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/**
 * Whether a request carries a valid AWS Signature Version 4 (Authorization header) by the given key
 * pair, within 15 minutes of `now`. Only what the application's S3 client sends is accepted: no
 * anonymous requests, no query-string (presigned) signatures, no version 2. The payload hash is the
 * one the client signed (x-amz-content-sha256); the signature proves who sent it, which is the point.
 */
export function verifySigV4(
  request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now = Date.now(),
): boolean {
  try {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? AUTHORIZATION.exec(header) : null;
    if (!match) return false;
    const [, accessKeyId, day, region, service, signedHeaderList, signature] = match;
    if (accessKeyId !== credentials.accessKeyId) return false;
    const amzDate = request.headers['x-amz-date'];
    if (typeof amzDate !== 'string' || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return false;
    const at = Date.parse(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}` +
        `T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    if (!Number.isFinite(at) || Math.abs(now - at) > MAX_SKEW_MS) return false;
    const signedHeaders = signedHeaderList.split(';');
    if (!signedHeaders.includes('host')) return false;
    const payloadHash = request.headers['x-amz-content-sha256'];
    if (typeof payloadHash !== 'string') return false;

    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
    const headerLines = signedHeaders.map((name) => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${String(text).trim().replace(/\s+/g, ' ')}\n`;
    });
    const canonicalRequest = [
      request.method ?? 'GET',
      path,
      canonicalQuery(query),
      headerLines.join(''),
      signedHeaderList,
      payloadHash,
    ].join('\n');
    const scope = `${day}/${region}/${service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
    const expected = createHmac('sha256', key).update(stringToSign).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  } catch {
    // A malformed percent-encoding and the like: not a request the application's client makes.
    return false;
  }
}
