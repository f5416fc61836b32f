import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from './config.js';

const SECRET_FILE = 'jwt-secret';

/**
 * What the directory and audit-log signing keys are derived from: SIGNING_KEY_SECRET, or the JWT
 * secret where it is unset (deployments from before it existed keep their keys). Kept apart, the
 * JWT secret can be rotated without changing keys every client has pinned.
 */
export function resolveSigningSecret(config: Pick<Config, 'signingKeySecret'>, jwtSecret: string): string {
  return config.signingKeySecret ?? jwtSecret;
}

/**
 * The configured JWT_SECRET, or (outside production) one generated once and kept in DATA_DIR
 * with 0600 permissions, so tokens survive restarts without anyone choosing a weak secret.
 */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, SECRET_FILE);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) {
      throw new ConfigError(`invalid configuration — ${file}: readable by others; run chmod 600 on it`);
    }
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32)
      throw new ConfigError(`invalid configuration — ${file}: the stored secret is shorter than 32 characters`);
    return secret;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
