// The structured logger (pino, JSON lines on stdout).
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

/** A logger at the configured level. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { pid: process.pid } });
}
