/**
 * Installs the embedded database, FerretDB 1.24.2, into the git-ignored .tools/ folder.
 *
 * Run by `npm install` (postinstall). Never fails the install: without Go it explains how to
 * proceed instead. Reuses the binary when it is already there.
 *
 * Why not a plain `go install …/cmd/ferretdb@v1.24.2`: the module as published has an empty
 * build/version/version.txt, and a binary built from it panics at start-up ("Invalid
 * build/version/version.txt file content"). So the script fetches exactly the same module
 * through the Go module proxy (`go mod download`), writes the version file FerretDB's own
 * release build would write, applies the small fixes in scripts/ferretdb/patches/ (unified
 * diffs, each with its reason at the top) and builds ./cmd/ferretdb from that copy. A patch whose
 * upstream text differs stops the build with the patch, file and hunk named.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FERRETDB_VERSION, ferretdbBinaryPath, ferretdbStampPath, toolsDir } from '../server/db/ferretdb-paths.js';
import { applyPatch, PatchMismatchError } from './ferretdb/apply-patch.js';
import { patchStamp, readPatches } from './ferretdb/patches.js';

const MODULE = 'github.com/FerretDB/FerretDB';

function say(line: string): void {
  console.log(`[ferretdb] ${line}`);
}

function installedVersion(binary: string): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? /version: (v\S+)/.exec(result.stdout)?.[1] : undefined;
}

function builtAsWanted(binary: string): boolean {
  const stamp = existsSync(ferretdbStampPath()) ? readFileSync(ferretdbStampPath(), 'utf8') : '';
  return (
    existsSync(binary) && installedVersion(binary) === `v${FERRETDB_VERSION}` && stamp === patchStamp(FERRETDB_VERSION)
  );
}

/** Applies each patch to its exact upstream text; refuses to build when that text is not there once. */
function applyPatches(src: string): void {
  for (const patch of readPatches()) {
    const files = applyPatch(src, patch.name, patch.text);
    say(`applied ${patch.name} (${files.join(', ')}): ${patch.summary}`);
  }
}

function goAvailable(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}

function install(): void {
  if (process.env.MONGODB_URI) {
    say('MONGODB_URI is set: the embedded database is not needed, skipping.');
    return;
  }
  const binary = ferretdbBinaryPath();
  if (builtAsWanted(binary)) {
    say(
      `FerretDB v${FERRETDB_VERSION} (patches: ${readPatches()
        .map((p) => p.name)
        .join(', ')}) already installed at ${binary}`,
    );
    return;
  }
  if (!goAvailable()) {
    say('Go was not found, so the embedded database (FerretDB) cannot be built.');
    say('Either install Go >= 1.24 and run `npm run install:db`,');
    say('or set MONGODB_URI to a MongoDB >= 6 replica set and start the server with it.');
    return;
  }
  say(`building FerretDB v${FERRETDB_VERSION} from the Go module proxy into ${toolsDir()}`);
  say('the first build takes a few minutes; later installs reuse the binary.');
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `${MODULE}@v${FERRETDB_VERSION}`], { encoding: 'utf8' }),
  ) as { Dir?: string };
  if (!info.Dir) throw new Error('go mod download did not report a module directory');

  const src = path.join(toolsDir(), 'ferretdb-src');
  rmSync(src, { recursive: true, force: true });
  cpSync(info.Dir, src, { recursive: true });
  chmodSync(path.join(src, 'build', 'version'), 0o755);
  writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `v${FERRETDB_VERSION}\n`);
  applyPatches(src);
  mkdirSync(path.dirname(binary), { recursive: true });
  const build = spawnSync('go', ['build', '-trimpath', '-o', binary, './cmd/ferretdb'], {
    cwd: src,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  rmSync(src, { recursive: true, force: true });
  if (build.status !== 0) throw new Error(`go build exited with ${build.status}`);
  writeFileSync(ferretdbStampPath(), patchStamp(FERRETDB_VERSION));
  say(`installed ${installedVersion(binary) ?? 'unknown version'} at ${binary}`);
}

try {
  install();
} catch (error) {
  say(`could not install the embedded database: ${error instanceof Error ? error.message : String(error)}`);
  say('Retry with `npm run install:db`, or set MONGODB_URI to use an existing MongoDB.');
  // A patch that no longer fits its upstream text is a defect of this repository, never of the machine.
  if (process.env.CI || error instanceof PatchMismatchError) process.exitCode = 1;
}
