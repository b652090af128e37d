// The structured logger (pino, JSON lines on stdout).
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';
import { currentRequest } from './http/request-context.ts';

/**
 * A logger at the configured level. A line written while a request is handled carries its
 * `requestId`, whichever code writes it, so one id finds every line about one request.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    // pino mutates the object returned, so it must be a new one each time.
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.id } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
