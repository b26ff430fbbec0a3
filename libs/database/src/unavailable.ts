/** Socket-level failures: the server is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATE classes 08 (connection exception) and 57P (shut down, crashed, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123])/;

/** What pg says when the server went away under an open connection, or none could be made in time. */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * TypeORM's answers when a transaction's connection was taken away under it: it releases a
 * connection the server closed, and the transaction's next query or its commit finds it gone.
 */
const RELEASED_UNDER_TRANSACTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * Whether an error means the database is not reachable now (as opposed to a bug or bad data), so the
 * caller may be told to try again later (503). Looks through TypeORM's wrapper and error causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && RELEASED_UNDER_TRANSACTION.has(name)) return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
