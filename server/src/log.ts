import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths that may carry a credential; censored wherever they appear. */
const REDACT = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  'password',
  '*.password',
  // ioredis errors carry the failed command with its arguments (AUTH carries a password).
  'err.command.args',
  'err.previousErrors[*].command.args',
];

/**
 * JSON lines by default; `pretty` (LOG_FORMAT=pretty) prints readable lines for development.
 * `destination` lets tests capture what would be written.
 */
export function createLogger(level: string, opts: { format?: 'json' | 'pretty'; destination?: DestinationStream } = {}): Logger {
  const options = {
    level,
    base: { service: 'memmouse' },
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  if (opts.format === 'pretty' && !opts.destination) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  }
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
