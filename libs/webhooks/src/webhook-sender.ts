import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { Clock } from '@keurmerk/common';
import { CLOUD_EVENTS_CONTENT_TYPE } from './cloud-event';
import { webhookHeaders } from './webhook-signature';
import { WebhookTargetPolicy } from './webhook-target.policy';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const USER_AGENT = 'Keurmerk-Webhooks/1.0';

export interface WebhookMessage {
  /** The CloudEvent id: also the Standard Webhooks message id, the same on every attempt. */
  id: string;
  /** The serialised CloudEvent, signed exactly as sent. */
  body: string;
  secret: string;
  /** The receiver's Authorization value, when it gave one. */
  auth?: string | null;
}

export interface SendOutcome {
  delivered: boolean;
  attemptedAt: Date;
  /** The receiver's HTTP status, or null when there was no answer. */
  statusCode: number | null;
  /** Why it was not delivered, short and without secrets; null when delivered. */
  error: string | null;
  durationMs: number;
}

class TimeoutError extends Error {
  readonly code = 'EKEURMERK_TIMEOUT';
}

/**
 * POSTs one signed CloudEvent. Plain node:http(s) rather than fetch: its `lookup` hook lets the
 * target policy vet the very address a connection goes to (fetch offers no such hook without
 * undici's Agent, which is not a dependency). Redirects are not followed, and the whole exchange
 * up to the response status is bounded by a timeout. 2xx is delivered; anything else is not.
 */
@Injectable()
export class WebhookSender {
  readonly timeoutMs = WEBHOOK_TIMEOUT_MS;

  constructor(
    private readonly policy: WebhookTargetPolicy,
    private readonly clock: Clock,
  ) {}

  async send(callbackUrl: string, message: WebhookMessage): Promise<SendOutcome> {
    const attemptedAt = this.clock.now();
    const started = performance.now();
    const outcome = (statusCode: number | null, error: string | null): SendOutcome => ({
      delivered: statusCode !== null && statusCode >= 200 && statusCode < 300,
      attemptedAt,
      statusCode,
      error,
      durationMs: Math.max(0, Math.round(performance.now() - started)),
    });

    let url: URL;
    try {
      url = new URL(callbackUrl);
    } catch {
      return outcome(null, 'the callback URL is not valid');
    }
    const refusal = this.policy.refusal(url);
    if (refusal) return outcome(null, refusal);

    const headers: Record<string, string> = {
      'content-type': CLOUD_EVENTS_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(message.body)),
      'user-agent': USER_AGENT,
      ...webhookHeaders(message.secret, message.id, attemptedAt, message.body),
      ...(message.auth ? { authorization: message.auth } : {}),
    };
    const transport = url.protocol === 'https:' ? https : http;

    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const settle = (statusCode: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome(statusCode, error));
      };
      const request = transport.request(url, { method: 'POST', headers, agent: false, lookup: this.policy.lookup }, (response) => {
        const status = response.statusCode ?? null;
        settle(
          status,
          status !== null && status >= 200 && status < 300
            ? null
            : status !== null && status >= 300 && status < 400
              ? 'redirect not followed'
              : null,
        );
        // The answer is in the status; the body is read and dropped, and not waited for long.
        const drop = setTimeout(() => response.destroy(), 2000);
        response.on('close', () => clearTimeout(drop));
        response.on('error', () => undefined);
        response.resume();
      });
      const timer = setTimeout(() => request.destroy(new TimeoutError()), this.timeoutMs);
      request.on('error', (error) => settle(null, describeFailure(error, this.timeoutMs)));
      request.end(message.body);
    });
  }
}

/** A short reason for an attempt that got no answer: never the URL, headers or body. */
export function describeFailure(error: Error & { code?: string }, timeoutMs: number): string {
  switch (error.code) {
    case 'EKEURMERK_TIMEOUT':
      return `no answer within ${timeoutMs / 1000} s`;
    case 'EKEURMERK_PRIVATE_TARGET':
      return error.message;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EPIPE':
      return 'connection closed while sending';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ENOTFOUND':
      return 'host not found';
    case 'EAI_AGAIN':
      return 'DNS lookup failed';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_STATUS':
    case 'HPE_INVALID_HEADER_TOKEN':
      return 'invalid HTTP response';
    default:
      if (error.code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(error.code)) return `TLS error (${error.code})`;
      return error.code ? `network error (${error.code})` : 'network error';
  }
}
