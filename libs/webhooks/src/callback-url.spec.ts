import { checkCallbackUrl } from './callback-url';

describe('callback URL shape', () => {
  it.each([
    ['https://vergunningen.westland.nl/keurmerk', false, null],
    ['https://[2001:db8::1]:8443/hook?x=1', false, null],
    ['http://127.0.0.1:8080/hook', true, null],
    ['http://127.0.0.1:8080/hook', false, 'scheme'],
    ['ftp://example.nl/hook', true, 'scheme'],
    ['javascript:alert(1)', true, 'scheme'],
    ['not a url', true, 'format'],
    ['/relative/path', true, 'format'],
    ['https://user:secret@example.nl/hook', false, 'credentials'],
    ['https://example.nl/hook#part', false, 'format'],
    [`https://example.nl/${'a'.repeat(2000)}`, false, 'format'],
  ])('%s (http allowed: %s) → %s', (raw, allowHttp, problem) => {
    const result = checkCallbackUrl(raw, { allowHttp });
    expect('problem' in result ? result.problem.code : null).toBe(problem);
  });
});
