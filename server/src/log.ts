import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'memmouse' },
    // Belt and braces: nothing that looks like a credential reaches the log.
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}
