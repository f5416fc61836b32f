import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Source patches applied to FerretDB before the embedded build: unified diffs in ./patches, each
 * with its reason at the top. They are applied in file-name order (see apply-patch.ts).
 */
export const PATCH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'patches');

export interface FerretdbPatch {
  /** The file name, e.g. `sqlite-one-writer.patch`. */
  name: string;
  text: string;
  /** The description's first line. */
  summary: string;
}

export function readPatches(dir = PATCH_DIR): FerretdbPatch[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { name, text, summary: text.split('\n', 1)[0] ?? name };
    });
}

/**
 * What the stamp next to the binary records: the version and a hash of every patch's content,
 * so a binary is rebuilt when any patch changes (or one is added or removed) and reused otherwise.
 */
export function patchStamp(version: string, patches = readPatches()): string {
  const hash = createHash('sha256');
  for (const patch of patches) hash.update(`${patch.name}\0${patch.text}\0`);
  return JSON.stringify({ version, patches: patches.map((p) => p.name), sha256: hash.digest('hex') });
}
