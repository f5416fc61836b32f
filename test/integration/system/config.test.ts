import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { resolveJwtSecret } from '../../../server/jwt-secret.js';
import { runServerProcess } from '../../helpers/server-process.js';

describe('configuration', () => {
  it('uses documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).to.include({ env: 'development', host: '127.0.0.1', port: 3000, dataDir: './data', dbName: 'focalnet' });
    expect(config.mongodbUri).to.equal(undefined);
  });

  it('names each bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', MONGODB_URI: 'http://x' })).to.throw(ConfigError, /PORT.*MONGODB_URI|MONGODB_URI.*PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).to.throw(ConfigError, /JWT_SECRET: must be at least 32/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).to.throw(ConfigError, /LOG_LEVEL/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /JWT_SECRET: required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwtSecret).to.have.length(40);
  });

  describe('generated JWT secret', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-secret-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('is generated once, kept with 0600 permissions, and reused', () => {
      const config = loadConfig({ DATA_DIR: dir });
      const first = resolveJwtSecret(config);
      expect(first.length).to.be.at.least(32);
      const file = path.join(dir, 'jwt-secret');
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      expect(resolveJwtSecret(config)).to.equal(first);
      expect(readFileSync(file, 'utf8').trim()).to.equal(first);
    });

    it('refuses a secret file that others can read', () => {
      const file = path.join(dir, 'jwt-secret');
      writeFileSync(file, 'y'.repeat(48));
      chmodSync(file, 0o644);
      expect(() => resolveJwtSecret(loadConfig({ DATA_DIR: dir }))).to.throw(ConfigError, /readable by others/);
    });
  });

  it('the server process refuses bad configuration with one line and exit code 1, no stack trace', async function () {
    this.timeout(30_000);
    const run = await runServerProcess({ PORT: 'not-a-port', JWT_SECRET: 'short' });
    const code = await run.exited;
    expect(code).to.equal(1);
    const stderr = run.stderr().trim();
    expect(stderr.split('\n')).to.have.length(1);
    expect(stderr).to.match(/^FocalNet cannot start: invalid configuration — /);
    expect(stderr).to.contain('PORT');
    expect(stderr).to.contain('JWT_SECRET');
    expect(stderr).not.to.match(/\n\s+at /);
  });
});
