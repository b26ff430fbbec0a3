import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, webhookHeaders } from './webhook-signature';

describe('Standard Webhooks signature', () => {
  it('matches the reference vector of the Standard Webhooks libraries', () => {
    // From standard-webhooks/libraries/javascript/src/webhook.test.ts, "sign function works".
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('makes 32-byte secrets that a receiver verifies with plain HMAC-SHA256', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    const body = JSON.stringify({ hallo: 'wereld', ü: '€' });
    const headers = webhookHeaders(secret, 'evt-1', new Date('2026-03-01T12:00:00.900Z'), body);
    expect(headers['webhook-timestamp']).toBe('1772366400');
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`evt-1.1772366400.${body}`)
      .digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'evt-1', 'webhook-timestamp': '1772366400', 'webhook-signature': `v1,${expected}` });
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
