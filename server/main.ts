import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './start-server.js';

/** Process entry: configuration errors and start-up failures are one clear line, exit 1. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`FocalNet cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const fatal = (reason: string): void => {
    logger.fatal(reason);
    console.error(`FocalNet is stopping: ${reason}`);
    void server?.close().finally(() => process.exit(1));
  };

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer(config, { logger, onFatal: fatal });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`FocalNet cannot start: ${message}`);
    process.exit(1);
  }
  logger.info({ url: server.url, database: server.database.kind }, 'FocalNet is listening');
  console.log(`FocalNet is running at ${server.url} (database: ${server.database.kind})`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error('FocalNet: shutdown took longer than 10 s, exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    void server?.close().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
