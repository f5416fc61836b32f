import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FERRETDB_VERSION = '1.24.2';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The git-ignored folder holding built tools. */
export function toolsDir(): string {
  return process.env.FOCALNET_TOOLS_DIR ?? path.join(repoRoot, '.tools');
}

export function ferretdbBinaryPath(): string {
  return path.join(toolsDir(), 'bin', 'ferretdb');
}

/** Records which version and patches the binary was built with (see scripts/ferretdb/patches.ts). */
export function ferretdbStampPath(): string {
  return path.join(toolsDir(), 'bin', 'ferretdb.build.json');
}
