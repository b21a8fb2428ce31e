import { pino, stdSerializers, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Message content and anonymous authors are never passed to the logger;
 * the redact list is a second fence for fields that must never be written.
 */
/**
 * Errors from Discord carry the request they failed on (`requestBody`): message text, an anonymous
 * post, a case excerpt. Logs keep the error and drop the body.
 */
function errorWithoutBody(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (serialized && typeof serialized === 'object') {
    delete serialized.requestBody;
    delete serialized.rawError;
    // Request addresses hold user ids and webhook/interaction tokens: keep only the route's shape.
    if (typeof serialized.url === 'string') serialized.url = serialized.url.replace(/\/(\d{15,}|[A-Za-z0-9_-]{40,})/g, '/:id').replace(/\?.*$/, '');
    // Database errors quote the query and its values (message text, member ids): keep the code only.
    if (typeof serialized.message === 'string' && serialized.message.startsWith('Failed query')) {
      const cause = (error as { cause?: { code?: unknown } }).cause;
      serialized.message = `database query failed (${String(cause?.code ?? 'no code')})`;
      delete serialized.stack;
      delete serialized.query;
      delete serialized.params;
      delete serialized.cause;
    }
  }
  return serialized;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'haven' },
    serializers: { err: errorWithoutBody },
    redact: { paths: ['token', '*.token', 'content', '*.content', 'authorId', '*.authorId'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
