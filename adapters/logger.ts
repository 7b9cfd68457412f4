import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured logs on stdout. Personal data never belongs in a log line: the paths below are
 * redacted wherever they appear, as a second line of defence behind not logging them at all.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'caravane' },
      redact: {
        paths: [
          '*.phone',
          '*.phoneE164',
          '*.emergencyPhone',
          '*.emergencyName',
          '*.notes',
          '*.token',
          '*.authorization',
          'req.headers.authorization',
          '*.headers.authorization',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
