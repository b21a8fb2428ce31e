import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Message content and anonymous authors are never passed to the logger;
 * the redact list is a second fence for fields that must never be written.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'haven' },
    redact: { paths: ['token', '*.token', 'content', '*.content', 'authorId', '*.authorId'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
