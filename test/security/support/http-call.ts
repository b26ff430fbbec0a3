import type { Response } from 'supertest';
import type { TestApp } from '../../support/test-app';

/** One request, described as data so a table can hold it and a failure message can show it. */
export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path under /v1, with the template already filled in. */
  path: string;
  query?: Record<string, string | number>;
  /** A JSON value (sent as application/json), unless `raw` or `attach` is given. */
  json?: unknown;
  /** Bytes or text sent as they are, with `contentType`. */
  raw?: Buffer | string;
  contentType?: string;
  /** Multipart form: text fields plus at most one file. */
  fields?: Record<string, string>;
  attach?: { field: string; bytes: Buffer; fileName: string; contentType?: string };
  headers?: Record<string, string>;
}

let forwardedSerial = 0;

/**
 * Sends a call with the given credentials. Each call comes from its own forwarded address (the test
 * app trusts X-Forwarded-For), so per-address limits, such as five complaints per ten minutes, count
 * every call on its own and never turn an expected answer into 429.
 */
export async function send(t: TestApp, call: HttpCall, credentials: Record<string, string> = {}): Promise<Response> {
  const serial = ++forwardedSerial;
  const address = `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`;
  let request = t.http[call.method.toLowerCase() as 'get'](`/v1${call.path}`).set({
    'X-Forwarded-For': address,
    ...credentials,
    ...call.headers,
  });
  if (call.query) request = request.query(call.query);
  if (call.attach) {
    for (const [name, value] of Object.entries(call.fields ?? {})) request = request.field(name, value);
    return request.attach(call.attach.field, call.attach.bytes, {
      filename: call.attach.fileName,
      contentType: call.attach.contentType ?? 'application/octet-stream',
    });
  }
  if (call.fields) {
    for (const [name, value] of Object.entries(call.fields)) request = request.field(name, value);
    return request;
  }
  if (call.raw !== undefined) return request.set('Content-Type', call.contentType ?? 'application/octet-stream').send(call.raw);
  if (call.json !== undefined) {
    // JSON.stringify ourselves: supertest would treat a string or a number as a form body.
    return request.set('Content-Type', call.contentType ?? 'application/json').send(JSON.stringify(call.json));
  }
  return request;
}

/** A short description of a call and its answer, for failure messages. */
export function describeAnswer(call: HttpCall, response: Response): string {
  const body = typeof response.text === 'string' ? response.text.slice(0, 200) : '';
  return `${call.method} ${call.path} -> ${response.status} ${response.headers['content-type'] ?? ''} ${body}`;
}
