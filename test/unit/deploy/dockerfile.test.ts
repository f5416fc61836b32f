import ignore from '@balena/dockerignore';
import { expect } from 'chai';
import { validate } from 'dockerfile-utils';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../../server/node-flags.js';
import {
  copyFrom,
  copyPaths,
  execForm,
  instructionsOf,
  parseDockerfile,
  stageChain,
  type Stage,
} from './dockerfile-stages.js';
import { readRepoFile, REPO_ROOT, trackedFiles } from './repo-files.js';

const TARGETS = ['runtime', 'embedded'] as const;
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|OPAQUE|PRIVATE|CREDENTIAL|API_?KEY|_KEY$/i;

describe('Dockerfile', () => {
  const text = readRepoFile('Dockerfile');
  const { dockerfile, stages } = parseDockerfile(text);
  const stage = (name: string): Stage => {
    const found = stages.find((s) => s.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found;
  };
  const chainInstructions = (target: string, keyword: string) =>
    stageChain(stages, target).flatMap((s) => instructionsOf(s, keyword));

  it('passes the dockerfile-utils validator without a problem', () => {
    const problems = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).to.deep.equal([]);
  });

  it('builds the runtime variant by default (the last stage) and the embedded one as a target', () => {
    expect(stages.at(-1)?.name).to.equal('runtime');
    expect(stages.map((s) => s.name)).to.include('embedded');
  });

  it('starts the final images from a slim Node 20 image pinned to a minor version', () => {
    const nodeImage = dockerfile
      .getInitialARGs()
      .flatMap((arg) => arg.getProperties())
      .find((p) => p.getName() === 'NODE_IMAGE')
      ?.getValue();
    expect(nodeImage).to.match(/^node:20\.\d+-bookworm-slim$/);
    for (const target of TARGETS) expect(stageChain(stages, target).at(-1)?.from).to.equal('${NODE_IMAGE}');
  });

  for (const target of TARGETS) {
    it(`runs the ${target} image as a non-root user`, () => {
      const users = chainInstructions(target, 'USER');
      expect(users, 'a USER instruction').to.not.have.lengthOf(0);
      // The nearest USER wins; stageChain lists the target first.
      const user = users[0]?.getArgumentsContent() ?? '';
      expect(user).to.not.match(/^(root|0)(:|$)/);
    });

    it(`installs no development dependency in the ${target} image`, () => {
      const chain = stageChain(stages, target);
      const runs = chain.flatMap((s) => instructionsOf(s, 'RUN')).map((r) => r.getArgumentsContent() ?? '');
      expect(runs.filter((run) => /\bnpm (ci|install|i)\b/.test(run))).to.deep.equal([]);
      const copies = chain.flatMap((s) => instructionsOf(s, 'COPY'));
      const modulesFrom = copies
        .filter((c) => copyPaths(c).sources.some((source) => source.includes('node_modules')))
        .map((c) => copyFrom(c));
      expect(modulesFrom, 'node_modules copied from a stage').to.not.have.lengthOf(0);
      for (const from of modulesFrom) {
        expect(from, 'node_modules come from a build stage, not the context').to.be.a('string');
        const installs = instructionsOf(stage(from ?? ''), 'RUN')
          .map((r) => r.getArgumentsContent() ?? '')
          .filter((run) => /\bnpm (ci|install|i)\b/.test(run));
        expect(installs, `npm install in ${from}`).to.not.have.lengthOf(0);
        for (const install of installs) expect(install).to.match(/--omit=dev\b/);
      }
    });
  }

  it('puts FerretDB, built by the project installer, into the embedded image only', () => {
    const install = instructionsOf(stage('ferretdb'), 'RUN')
      .map((r) => r.getArgumentsContent() ?? '')
      .find((run) => run.includes('scripts/install-ferretdb.ts'));
    // CI=1: the installer fails the build instead of explaining and carrying on without a binary.
    expect(install).to.match(/FOCALNET_TOOLS_DIR=(\S+) CI=1 node --import tsx scripts\/install-ferretdb\.ts/);
    const toolsDir = /FOCALNET_TOOLS_DIR=(\S+)/.exec(install ?? '')?.[1] ?? '';
    const fromFerretdb = (target: string) =>
      stageChain(stages, target)
        .flatMap((s) => instructionsOf(s, 'COPY'))
        .filter((c) => copyFrom(c) === 'ferretdb')
        .map((c) => copyPaths(c));
    expect(fromFerretdb('embedded')).to.deep.equal([{ sources: [toolsDir], destination: toolsDir }]);
    const env = instructionsOf(stage('embedded'), 'ENV').map((e) => e.getArgumentsContent() ?? '');
    expect(env).to.include(`FOCALNET_TOOLS_DIR=${toolsDir}`);
    expect(fromFerretdb('runtime')).to.deep.equal([]);
  });

  it('runs the server as `npm start` does, without its prestart and without npm in between', () => {
    const cmd = execForm(chainInstructions('runtime', 'CMD')[0] ?? expect.fail('no CMD'));
    expect(cmd).to.deep.equal(['node', ...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts']);
    const start = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).to.equal(cmd.join(' '));
  });

  it('checks health on /api/ready with Node itself (slim images have no curl)', () => {
    const [check] = chainInstructions('runtime', 'HEALTHCHECK');
    const args = check?.getArgumentsContent() ?? '';
    const json = args.slice(args.indexOf('CMD') + 'CMD'.length).trim();
    const words = JSON.parse(json) as string[];
    expect(words[0]).to.equal('node');
    expect(words.join(' ')).to.include('/api/ready');
  });

  it('sets NODE_ENV=production and exposes the HTTP and metrics ports', () => {
    const env = chainInstructions('runtime', 'ENV').flatMap((e) => e.getArgumentsContent() ?? '');
    expect(env.join(' ')).to.match(/NODE_ENV=production/);
    const ports = chainInstructions('runtime', 'EXPOSE').flatMap((e) => e.getArguments().map((a) => a.getValue()));
    expect(ports).to.include.members(['3000', '9464']);
  });

  it('declares no ENV or ARG whose name looks like a secret', () => {
    const names = [
      ...dockerfile.getInitialARGs().flatMap((a) => a.getProperties().map((p) => p.getName())),
      ...stages.flatMap((s) =>
        s.instructions
          .filter((i) => i.getKeyword() === 'ENV' || i.getKeyword() === 'ARG')
          .flatMap((i) => (i.getArgumentsContent() ?? '').split(/\s+/).map((w) => w.split('=')[0] ?? '')),
      ),
    ].filter((name) => /^[A-Z_][A-Z0-9_]*$/.test(name));
    expect(names).to.include('NODE_ENV');
    expect(names.filter((name) => SECRET_NAME.test(name))).to.deep.equal([]);
  });

  it('copies from the build context only files that exist and that .dockerignore lets in', () => {
    const context = ignore().add(readRepoFile('.dockerignore').split('\n'));
    const sources = stages.flatMap((s) =>
      instructionsOf(s, 'COPY')
        .filter((c) => copyFrom(c) === null)
        .flatMap((c) => copyPaths(c).sources),
    );
    expect(sources).to.include.members(['package-lock.json', 'server', 'deploy/docker-entrypoint.sh']);
    for (const source of sources) {
      expect(existsSync(path.join(REPO_ROOT, source)), `${source} exists`).to.equal(true);
      const files = trackedFiles(source);
      expect(files, `${source} is tracked by git`).to.not.have.lengthOf(0);
      expect(
        files.filter((file) => context.ignores(file)),
        `files of ${source} left out of the context`,
      ).to.deep.equal([]);
    }
  });

  it('keeps secrets, local data and builds out of the build context', () => {
    const context = ignore().add(readRepoFile('.dockerignore').split('\n'));
    for (const file of [
      '.env',
      'deploy/.env',
      'deploy/secrets/jwt_secret',
      'data/jwt-secret',
      '.tools/bin/ferretdb',
      'node_modules/tsx/package.json',
      'client/node_modules/x.js',
      'client/dist/index.html',
      '.git/config',
      'test/unit/deploy/dockerfile.test.ts',
    ]) {
      expect(context.ignores(file), file).to.equal(true);
    }
  });
});
