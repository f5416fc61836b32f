import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './start-server.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`FocalNet cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** Process entry: configuration errors and start-up failures are one clear line, exit 1. */
async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config);
  let server: RunningServer | undefined;
  let stopping = false;

  /**
   * Orderly stop (drain first, see composition/shutdown.ts), bounded by SHUTDOWN_GRACE_SECONDS:
   * a hung close must not keep a dead server around, and an orchestrator kills it after its own grace anyway.
   */
  const stop = (exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`FocalNet: stopping took longer than ${config.shutdownGraceMs / 1000} s, exiting`);
      process.exit(exitCode || 1);
    }, config.shutdownGraceMs).unref();
    void (server?.close() ?? Promise.resolve()).then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  const fatal = (reason: string): void => {
    logger.fatal(reason);
    console.error(`FocalNet is stopping: ${reason}`);
    stop(1);
  };

  try {
    server = await startServer(config, { logger, onFatal: fatal });
  } catch (error) {
    console.error(`FocalNet cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  logger.info({ url: server.url, database: server.database.kind }, 'FocalNet is listening');
  console.log(`FocalNet is running at ${server.url} (database: ${server.database.kind})`);

  // A dependency outage (Redis, a dropped database socket) can surface as a promise rejection
  // deep inside a driver; Node's default would turn that blip into an outage of the whole node.
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection (kept running)'),
  );

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      logger.info({ signal }, 'shutting down');
      stop(0);
    });
  }
}

void main();
