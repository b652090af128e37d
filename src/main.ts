// Entry point of `npm start`: read the configuration and start the portal. The rest is imported
// once the module compile cache is on, which must come before the modules it should cover.
import './runtime-check.ts';
import { enableModuleCompileCache } from './compile-cache.ts';

enableModuleCompileCache();
const { loadConfig } = await import('./config.ts');
const { createLogger } = await import('./logger.ts');
const { startPortal } = await import('./server.ts');

const config = loadConfig();
const logger = createLogger(config.logLevel);
startPortal(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
