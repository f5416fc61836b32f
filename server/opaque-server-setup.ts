import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as opaque from '@serenity-kit/opaque';
import { ConfigError, type Config } from './config.js';

const SETUP_FILE = 'opaque-server-setup';

function checked(setup: string, origin: string): string {
  try {
    opaque.server.getPublicKey(setup);
  } catch {
    throw new ConfigError(`invalid configuration — ${origin}: not an OPAQUE server setup`);
  }
  return setup;
}

/**
 * OPAQUE's long-term server key. Configured (OPAQUE_SERVER_SETUP; production refuses to start
 * without it), or outside production generated once into DATA_DIR with 0600 permissions like the
 * JWT secret. Losing it makes every registration record useless: keep it with the backups.
 */
export async function resolveOpaqueServerSetup(config: Config): Promise<string> {
  await opaque.ready;
  if (config.opaqueServerSetup) return checked(config.opaqueServerSetup, 'OPAQUE_SERVER_SETUP');
  const file = path.join(config.dataDir, SETUP_FILE);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) {
      throw new ConfigError(`invalid configuration — ${file}: readable by others; run chmod 600 on it`);
    }
    return checked(readFileSync(file, 'utf8').trim(), file);
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const setup = opaque.server.createSetup();
  writeFileSync(file, `${setup}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return setup;
}
