import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPatch, parsePatch, PatchMismatchError } from '../../../scripts/ferretdb/apply-patch.js';
import { patchStamp, readPatches } from '../../../scripts/ferretdb/patches.js';

const UPSTREAM = ['package fsql', '', 'type DB struct {', '\tBatchSize int', '}', '', 'func Open() {}', ''].join('\n');

const PATCH = `Adds a writer slot.

--- a/internal/fsql/db.go
+++ b/internal/fsql/db.go
@@ -3,3 +3,4 @@
 type DB struct {
 \tBatchSize int
+\twriter chan struct{}
 }
`;

describe('FerretDB source patches', () => {
  let root: string;
  const file = (): string => path.join(root, 'internal', 'fsql', 'db.go');

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ferretdb-patch-'));
    mkdirSync(path.dirname(file()), { recursive: true });
    writeFileSync(file(), UPSTREAM);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('applies a unified diff to the upstream text it was written for', () => {
    expect(applyPatch(root, 'writer.patch', PATCH)).to.deep.equal(['internal/fsql/db.go']);
    expect(readFileSync(file(), 'utf8')).to.equal(
      UPSTREAM.replace('\tBatchSize int\n', '\tBatchSize int\n\twriter chan struct{}\n'),
    );
  });

  it('fails loudly, naming the patch, the file and the line, when the upstream text differs', () => {
    writeFileSync(file(), UPSTREAM.replace('BatchSize int', 'BatchSize int64'));
    expect(() => applyPatch(root, 'writer.patch', PATCH)).to.throw(
      PatchMismatchError,
      /patch writer\.patch: the upstream text of internal\/fsql\/db\.go differs from hunk @@ -3,3 \+3,4 @@ .*line 4 reads "\\tBatchSize int64"/,
    );
    expect(readFileSync(file(), 'utf8')).to.include('BatchSize int64\n}');
  });

  it('fails when the file is missing, or the text is not a diff', () => {
    rmSync(file());
    expect(() => applyPatch(root, 'writer.patch', PATCH)).to.throw(
      PatchMismatchError,
      /writer\.patch: internal\/fsql\/db\.go does not exist/,
    );
    expect(() => parsePatch('empty.patch', 'just words\n')).to.throw(PatchMismatchError, /empty\.patch: no hunks/);
  });

  it('keeps every patch of the repository a parseable diff, and stamps builds by their content', () => {
    const patches = readPatches();
    expect(patches.length).to.be.greaterThan(0);
    for (const patch of patches) expect(parsePatch(patch.name, patch.text).length).to.be.greaterThan(0);
    const changed = patches.map((p, n) => (n === 0 ? { ...p, text: `${p.text}\n` } : p));
    expect(patchStamp('1.24.2', changed)).not.to.equal(patchStamp('1.24.2', patches));
    expect(patchStamp('1.24.2', patches)).to.equal(patchStamp('1.24.2'));
  });
});
