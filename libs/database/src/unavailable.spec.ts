import { isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection, a server shutting down, a lost connection and a released transaction', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'terminating connection', driverError: { code: '57P01' } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerAlreadyReleasedError' })),
    ).toBe(true);
  });

  it('leaves bugs and bad data alone', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'syntax error', code: '42601' })).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
