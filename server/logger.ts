import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Paths that may hold credentials: never written to logs. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
];

/** The name every line carries, so a collector fed by several services can tell FocalNet's lines apart. */
export const SERVICE_NAME = 'focalnet';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** pino-pretty is a development dependency: a production image does not carry it. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The options every FocalNet logger shares: the level, redaction, and the fields a collector
 * groups lines by (service, version, host, pid). Exported so tests capture lines shaped as in production.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): pino.LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: SERVICE_NAME, version: packageVersion(), hostname: os.hostname(), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

type LoggerConfig = Pick<Config, 'logLevel' | 'env'> & Partial<Pick<Config, 'logFormat'>>;

/**
 * JSON lines unless pretty ones are asked for (LOG_FORMAT=pretty; by default only in development
 * on a TTY) and pino-pretty is installed: a production image without it still logs.
 */
export function chosenLogFormat(config: LoggerConfig, prettyInstalled = prettyAvailable()): 'json' | 'pretty' {
  const asked = config.logFormat ?? (config.env === 'development' && process.stdout.isTTY ? 'pretty' : 'json');
  return asked === 'pretty' && prettyInstalled ? 'pretty' : 'json';
}

/** One JSON object per line on stdout (what a collector reads), or pretty lines (see chosenLogFormat). */
export function createLogger(config: LoggerConfig, destination?: pino.DestinationStream): Logger {
  const options = loggerOptions(config);
  if (destination) return pino(options, destination);
  if (chosenLogFormat(config) === 'pretty')
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service,version' },
      },
    });
  const logger = pino(options);
  if (config.logFormat === 'pretty')
    logger.warn('LOG_FORMAT=pretty needs pino-pretty (a development dependency): writing JSON lines');
  return logger;
}
