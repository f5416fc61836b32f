import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';

/** One `@@` hunk of a unified diff: the lines it expects and the lines it leaves. */
interface Hunk {
  header: string;
  oldStart: number;
  before: string[];
  after: string[];
}

interface FilePatch {
  file: string;
  hunks: Hunk[];
}

/** Thrown when a patch cannot be applied: names the patch, the file and the hunk. */
export class PatchMismatchError extends Error {}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/;

/**
 * Reads the file sections of a unified diff (as `diff -u` or `git diff` writes them). Text
 * before the first `---` line is the patch's description and is ignored.
 */
export function parsePatch(name: string, text: string): FilePatch[] {
  const files: FilePatch[] = [];
  const lines = text.split('\n');
  let hunk: Hunk | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      const target = (lines[i + 1] ?? '').slice(4).split('\t')[0] ?? '';
      files.push({ file: target.replace(/^b\//, ''), hunks: [] });
      hunk = undefined;
      i++;
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header) {
      const current = files.at(-1);
      if (!current) throw new PatchMismatchError(`patch ${name}: a hunk before any file header`);
      hunk = { header: line, oldStart: Number(header[1]), before: [], after: [] };
      current.hunks.push(hunk);
      continue;
    }
    if (!hunk) continue;
    if (line.startsWith(' ')) {
      hunk.before.push(line.slice(1));
      hunk.after.push(line.slice(1));
    } else if (line.startsWith('-')) hunk.before.push(line.slice(1));
    else if (line.startsWith('+')) hunk.after.push(line.slice(1));
    else if (line === '' && i === lines.length - 1) break;
    else if (!line.startsWith('\\')) hunk = undefined;
  }
  if (files.length === 0 || files.some((f) => f.hunks.length === 0))
    throw new PatchMismatchError(`patch ${name}: no hunks found (not a unified diff?)`);
  return files;
}

function occurrences(lines: string[], block: string[]): number[] {
  const found: number[] = [];
  for (let at = 0; at + block.length <= lines.length; at++) {
    if (block.every((line, k) => lines[at + k] === line)) found.push(at);
  }
  return found;
}

/** Where the upstream text first differs from what the hunk expects at its stated line. */
function firstDifference(lines: string[], hunk: Hunk): string {
  const start = hunk.oldStart - 1;
  const k = hunk.before.findIndex((line, n) => lines[start + n] !== line);
  if (k < 0) return '';
  return `; line ${start + k + 1} reads ${JSON.stringify(lines[start + k] ?? '<end of file>')}, the patch expects ${JSON.stringify(hunk.before[k])}`;
}

/**
 * Applies a unified diff under `root`. Each hunk's expected text (context and removed lines)
 * must occur exactly once in its file, so a patch never lands on upstream source it was not
 * written for: a mismatch throws, naming the patch, the file and the hunk.
 */
export function applyPatch(root: string, name: string, text: string): string[] {
  const touched: string[] = [];
  for (const { file, hunks } of parsePatch(name, text)) {
    const full = path.join(root, file);
    let source: string;
    try {
      source = readFileSync(full, 'utf8');
    } catch {
      throw new PatchMismatchError(`patch ${name}: ${file} does not exist in the upstream source`);
    }
    let lines = source.split('\n');
    for (const hunk of hunks) {
      const found = occurrences(lines, hunk.before);
      if (found.length !== 1) {
        throw new PatchMismatchError(
          `patch ${name}: the upstream text of ${file} differs from hunk ${hunk.header} (its expected lines occur ${found.length} times, not once)${firstDifference(lines, hunk)}`,
        );
      }
      const at = found[0] ?? 0;
      lines = [...lines.slice(0, at), ...hunk.after, ...lines.slice(at + hunk.before.length)];
    }
    // Files from the Go module cache are read-only.
    chmodSync(full, 0o644);
    writeFileSync(full, lines.join('\n'));
    touched.push(file);
  }
  return touched;
}
