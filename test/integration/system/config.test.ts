import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { resolveJwtSecret } from '../../../server/jwt-secret.js';
import { resolveOpaqueServerSetup } from '../../../server/opaque-server-setup.js';
import { TEST_OPAQUE_SERVER_SETUP } from '../../helpers/opaque.js';
import { runServerProcess } from '../../helpers/server-process.js';

describe('configuration', () => {
  it('uses documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).to.include({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      dataDir: './data',
      dbName: 'focalnet',
    });
    expect(config.mongodbUri).to.equal(undefined);
  });

  it('names each bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', MONGODB_URI: 'http://x' })).to.throw(
      ConfigError,
      /PORT.*MONGODB_URI|MONGODB_URI.*PORT/,
    );
    expect(() => loadConfig({ JWT_SECRET: 'short' })).to.throw(ConfigError, /JWT_SECRET: must be at least 32/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).to.throw(ConfigError, /LOG_LEVEL/);
  });

  it('requires JWT_SECRET and OPAQUE_SERVER_SETUP in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(
      ConfigError,
      /JWT_SECRET: required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).to.throw(
      ConfigError,
      /OPAQUE_SERVER_SETUP: required when NODE_ENV=production/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP,
    });
    expect(config.jwtSecret).to.have.length(40);
    expect(config.opaqueServerSetup).to.equal(TEST_OPAQUE_SERVER_SETUP);
    expect(() => loadConfig({ OPAQUE_SERVER_SETUP: 'too-short' })).to.throw(ConfigError, /OPAQUE_SERVER_SETUP/);
  });

  describe('OPAQUE server setup', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-opaque-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('outside production is generated once into DATA_DIR with 0600 permissions, and reused', async () => {
      const config = loadConfig({ DATA_DIR: dir });
      const first = await resolveOpaqueServerSetup(config);
      const file = path.join(dir, 'opaque-server-setup');
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      expect(await resolveOpaqueServerSetup(config)).to.equal(first);
      expect(
        await resolveOpaqueServerSetup(loadConfig({ DATA_DIR: dir, OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP })),
      ).to.equal(TEST_OPAQUE_SERVER_SETUP);
    });

    it('refuses a setup file others can read, and a configured value that is no setup', async () => {
      const file = path.join(dir, 'opaque-server-setup');
      writeFileSync(file, TEST_OPAQUE_SERVER_SETUP);
      chmodSync(file, 0o644);
      const readable = await resolveOpaqueServerSetup(loadConfig({ DATA_DIR: dir })).catch((e: unknown) => e);
      expect(readable).to.be.instanceOf(ConfigError);
      expect(String(readable)).to.match(/readable by others/);
      const notSetup = await resolveOpaqueServerSetup(
        loadConfig({ DATA_DIR: dir, OPAQUE_SERVER_SETUP: 'A'.repeat(171) }),
      ).catch((e: unknown) => e);
      expect(notSetup).to.be.instanceOf(ConfigError);
    });
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
