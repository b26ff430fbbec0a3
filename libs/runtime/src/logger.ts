import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { AppConfig } from '@keurmerk/config';

/** Residents are told their address is not kept when they check or complain: their requests log none. */
const PRIVATE_PATHS = /^\/(controleer|v1\/meldingen)(\/|\?|$)/;

interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

/** Structured JSON logs. Credentials are redacted wherever they could appear in a logged request. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      serializers: {
        req: (request: LoggedRequest) => ({
          method: request.method,
          url: request.url,
          ...(request.url && PRIVATE_PATHS.test(request.url) ? {} : { remoteAddress: request.ip }),
        }),
      },
      base: { service: 'keurmerk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.wachtwoord',
          '*.secret',
          '*.sleutel',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Lets Nest's own messages go through the same structured logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, message instanceof Error ? message.message : String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
