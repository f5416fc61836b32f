import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices, readCompose } from './compose-file.js';
import { inlineCredentials } from './inline-credentials.js';
import { readRepoFile } from './repo-files.js';
import { fakeCommands, runShell, unescapeCompose } from './shell-run.js';

const MONGO_MEMBERS = ['mongo1', 'mongo2', 'mongo3'];
const NODES = ['node1', 'node2'];
/** A stand-in that prints each argument on a line of its own, then its standard input. */
const PRINT_ARGS_AND_STDIN = `for arg in "$@"; do printf '[%s]\\n' "$arg"; done; printf 'stdin:'; cat`;

describe('deploy/compose.yaml: MongoDB and Redis ask for credentials', () => {
  const { document } = readCompose();
  const services = document.services;
  const { service, environment } = composeServices(document);
  const shellScript = (parts: readonly string[] | undefined): string => {
    expect(parts?.slice(0, 2), 'a `sh -c` script').to.deep.equal(['sh', '-c']);
    return unescapeCompose(parts?.[2] ?? '');
  };

  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'focalnet-db-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every member with --keyFile, from the mongo_keyfile secret', () => {
    for (const member of MONGO_MEMBERS) {
      const command = service(member).command ?? [];
      const keyFile = command[command.indexOf('--keyFile') + 1];
      expect(command, member).to.include('--keyFile');
      expect(keyFile, member).to.match(/^\//);
      expect(service(member).secrets, member).to.include('mongo_keyfile');
      expect(shellScript(service(member).entrypoint), member).to.include(`/run/secrets/mongo_keyfile ${keyFile}`);
    }
  });

  it("copies the keyfile as mongod wants it (0400, mongodb's), then runs the image's entrypoint with the command", () => {
    const entrypoint = service('mongo1').entrypoint ?? [];
    const bin = fakeCommands({ install: 'echo "install $*"', 'docker-entrypoint.sh': PRINT_ARGS_AND_STDIN });
    const command = service('mongo1').command ?? [];
    const result = runShell(shellScript(entrypoint), [...entrypoint.slice(3), ...command], bin);
    rmSync(bin, { recursive: true, force: true });
    expect(result.stderr).to.equal('');
    const keyFile = command[command.indexOf('--keyFile') + 1] ?? '';
    expect(result.stdout).to.equal(
      `install -m 0400 -o mongodb -g mongodb /run/secrets/mongo_keyfile ${keyFile}\n` +
        `${command.map((arg) => `[${arg}]\n`).join('')}stdin:`,
    );
  });

  it('does not start mongod when the keyfile cannot be copied', () => {
    const bin = fakeCommands({ install: 'exit 1', 'docker-entrypoint.sh': 'echo started' });
    const entrypoint = service('mongo1').entrypoint ?? [];
    const result = runShell(shellScript(entrypoint), [...entrypoint.slice(3), 'mongod'], bin);
    rmSync(bin, { recursive: true, force: true });
    expect(result.status).to.not.equal(0);
    expect(result.stdout).to.equal('');
  });

  it('creates the root user on mongo1 only (the image does it on the first start), from a secret', () => {
    expect(environment('mongo1')).to.include({
      MONGO_INITDB_ROOT_USERNAME: 'root',
      MONGO_INITDB_ROOT_PASSWORD_FILE: '/run/secrets/mongo_root_password',
    });
    expect(service('mongo1').secrets).to.include('mongo_root_password');
    for (const member of ['mongo2', 'mongo3']) {
      const initVariables = Object.keys(environment(member)).filter((name) => name.startsWith('MONGO_INITDB_'));
      expect(initVariables, member).to.deep.equal([]);
    }
    const init = service('mongo-init');
    expect(init.command).to.include('--nodb');
    expect(init.secrets).to.include.members(['mongo_root_password', 'mongo_app_password', 'mongodb_uri']);
  });

  it('gives the nodes their database and Redis URIs through secret files only', () => {
    for (const node of NODES) {
      const env = environment(node);
      expect(env, node).to.not.have.any.keys('MONGODB_URI', 'REDIS_URL');
      expect(env.MONGODB_URI_FILE, node).to.equal('/run/secrets/mongodb_uri');
      expect(env.REDIS_URL_FILE, node).to.equal('/run/secrets/redis_url');
      expect(service(node).secrets, node).to.include.members(['mongodb_uri', 'redis_url']);
    }
    // The image's entrypoint reads both.
    expect(readRepoFile('deploy/docker-entrypoint.sh')).to.match(/^for name in .*\bMONGODB_URI\b.*\bREDIS_URL\b/m);
  });

  it('has secrets/README.md make URIs naming the app user, all members, the set, authSource and Redis', () => {
    const readme = readRepoFile('deploy/secrets/README.md');
    const mongodbUri = /printf '(mongodb:\/\/[^']+)\\n'[^\n]*> mongodb_uri/.exec(readme)?.[1] ?? '';
    // WHATWG URL cannot hold MongoDB's comma-separated host list, so the parts are read by hand.
    const [, user, hosts, query] = /^mongodb:\/\/([^:]+):%s@([^/]+)\/focalnet\?(.*)$/.exec(mongodbUri) ?? [];
    expect(user).to.equal('focalnet');
    expect(hosts?.split(',')).to.deep.equal(MONGO_MEMBERS.map((member) => `${member}:27017`));
    expect(Object.fromEntries(new URLSearchParams(query))).to.deep.equal({ replicaSet: 'rs0', authSource: 'admin' });
    const redisUri = /printf '(redis:\/\/[^']+)\\n'[^\n]*> redis_url/.exec(readme)?.[1] ?? '';
    expect(redisUri).to.equal('redis://:%s@redis:6379');
  });

  it('runs Redis with requirepass from the redis_password secret, on its standard input, never in an argument', () => {
    const redis = service('redis');
    expect(redis.secrets).to.include('redis_password');
    const passwordFile = path.join(dir, 'redis_password');
    writeFileSync(passwordFile, 'a-redis-password\n');
    const script = shellScript(redis.command).replaceAll('/run/secrets/redis_password', passwordFile);
    const bin = fakeCommands({ 'docker-entrypoint.sh': PRINT_ARGS_AND_STDIN });
    const result = runShell(script, ['redis'], bin);
    rmSync(bin, { recursive: true, force: true });
    expect(result.stderr).to.equal('');
    const [args, stdin] = result.stdout.split('stdin:');
    expect(args).to.equal(['redis-server', '-', '--save', '', '--appendonly', 'no'].map((a) => `[${a}]\n`).join(''));
    expect(stdin).to.equal('requirepass a-redis-password\n');
  });

  it("checks Redis's health signed in with the password (PING without it answers NOAUTH)", () => {
    const test = service('redis').healthcheck?.test ?? [];
    expect(test[0]).to.equal('CMD-SHELL');
    const passwordFile = path.join(dir, 'redis_password');
    writeFileSync(passwordFile, 'a-redis-password\n');
    const check = unescapeCompose(test[1] ?? '').replaceAll('/run/secrets/redis_password', passwordFile);
    const redisCli = (password: string): number | null => {
      const bin = fakeCommands({
        'redis-cli': `[ "$REDISCLI_AUTH" = '${password}' ] && echo PONG || echo 'NOAUTH Authentication required.'`,
      });
      const { status } = runShell(check, [], bin);
      rmSync(bin, { recursive: true, force: true });
      return status;
    };
    expect(redisCli('a-redis-password')).to.equal(0);
    expect(redisCli('another-password')).to.not.equal(0);
  });

  it('writes no password or URI with credentials into any command, entrypoint, health check or environment', () => {
    const found = Object.entries(services).flatMap(([name, s]) => {
      const parts = [
        ...[s.command ?? []].flat(),
        ...[s.entrypoint ?? []].flat(),
        ...[s.healthcheck?.test ?? []].flat(),
        ...Object.entries(s.environment ?? {}).map(([key, value]) => `${key}=${String(value ?? '')}`),
      ];
      return inlineCredentials(parts).map((problem) => `${name}: ${problem}`);
    });
    expect(found).to.deep.equal([]);
  });

  it('the check above catches a written password (so it can fail)', () => {
    expect(inlineCredentials(['redis-server', '--requirepass', 'hunter2'])).to.have.length(1);
    expect(inlineCredentials(['redis-cli -a hunter2 ping'])).to.have.length(1);
    expect(inlineCredentials(['mongodump --password=hunter2'])).to.have.length(1);
    expect(inlineCredentials(['MONGODB_URI=mongodb://focalnet:hunter2@mongo1:27017/'])).to.have.length(1);
    expect(inlineCredentials(['REDISCLI_AUTH=hunter2 redis-cli ping'])).to.have.length(1);
    expect(inlineCredentials(['redis-server --requirepass ${REDIS_PASSWORD}'])).to.have.length(1);
    expect(inlineCredentials(['requirepass $$(cat /run/secrets/redis_password)'])).to.deep.equal([]);
    expect(inlineCredentials(['MONGO_INITDB_ROOT_PASSWORD_FILE=/run/secrets/mongo_root_password'])).to.deep.equal([]);
  });

  it('declares at the top level every secret a service lists', () => {
    const declared = Object.keys(document.secrets ?? {});
    for (const [name, { secrets }] of Object.entries(services)) {
      expect(declared, name).to.include.members(secrets ?? []);
    }
  });
});
