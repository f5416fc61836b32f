import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-files.js';

const ENTRYPOINT = path.join(REPO_ROOT, 'deploy', 'docker-entrypoint.sh');
const PRINT_ENV = `process.stdout.write(JSON.stringify({
  jwt: process.env.JWT_SECRET ?? null, jwtFile: process.env.JWT_SECRET_FILE ?? null,
  opaque: process.env.OPAQUE_SERVER_SETUP ?? null, redis: process.env.REDIS_URL ?? null }))`;

/** Runs the image's entrypoint with `node -e PRINT_ENV` as the command, in a clean environment. */
function runEntrypoint(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('sh', [ENTRYPOINT, process.execPath, '-e', PRINT_ENV], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deploy/docker-entrypoint.sh (the _FILE convention)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'focalnet-entrypoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sets each secret from the file its _FILE variable names, without the trailing newline', () => {
    writeFileSync(path.join(dir, 'jwt'), 'a-jwt-secret-of-more-than-32-characters\n');
    writeFileSync(path.join(dir, 'opaque'), 'opaque-setup');
    const result = runEntrypoint({
      JWT_SECRET_FILE: path.join(dir, 'jwt'),
      OPAQUE_SERVER_SETUP_FILE: path.join(dir, 'opaque'),
      REDIS_URL: 'redis://redis:6379',
    });
    expect(result.stderr).to.equal('');
    expect(result.status).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal({
      jwt: 'a-jwt-secret-of-more-than-32-characters',
      jwtFile: null,
      opaque: 'opaque-setup',
      redis: 'redis://redis:6379',
    });
  });

  it('refuses a variable set both directly and through a file', () => {
    writeFileSync(path.join(dir, 'jwt'), 'from-the-file');
    const result = runEntrypoint({ JWT_SECRET: 'inline', JWT_SECRET_FILE: path.join(dir, 'jwt') });
    expect(result.status).to.equal(64);
    expect(result.stderr).to.include('both JWT_SECRET and JWT_SECRET_FILE are set');
    expect(result.stdout).to.equal('');
  });

  it('stops, naming the variable, when the file cannot be read', () => {
    const result = runEntrypoint({ OPAQUE_SERVER_SETUP_FILE: path.join(dir, 'missing') });
    expect(result.status).to.equal(66);
    expect(result.stderr).to.include('OPAQUE_SERVER_SETUP_FILE names');
    expect(result.stdout).to.equal('');
  });
});
