import pino, { type Logger } from 'pino';

/**
 * JSON lines on standard output. Written asynchronously in 4 KiB batches: a synchronous write per
 * request costs more than the request's own work on a small page; what is buffered is written out
 * when the process exits.
 */
export function createLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  process.once('exit', () => destination.flushSync());
  return pino(
    {
      level,
      base: { service: 'virage' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'req.headers.cookie',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
