import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pinoPretty from 'pino-pretty';
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

/**
 * Lines a person reads at a terminal, JSON for everything else (a container's log collector, a file):
 * pretty only when stdout is a TTY and no destination was given.
 */
function defaultDestination(): pino.DestinationStream | undefined {
  if (!process.stdout.isTTY) return undefined;
  return pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: false, sync: true });
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
    destination ?? defaultDestination(),
  );
}

/**
 * Nest's start-up chatter: a line per module loaded and per route mapped (some 150 routes). Useful
 * when looking for a missing route, noise otherwise: at `debug`, not `info`.
 */
const STARTUP_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory', 'NestApplication']);

/** Lets Nest's own messages go through the same structured logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    if (context !== undefined && STARTUP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
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
