// Entry point of `npm start`: read the configuration and start the portal.
import './runtime-check.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startPortal } from './server.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
startPortal(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
