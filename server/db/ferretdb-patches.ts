/**
 * Source patches applied to FerretDB 1.24.2 before the embedded build (scripts/install-ferretdb.ts).
 * Each replaces one exact upstream line; the build stops if the line is not found, so a changed
 * upstream source can never be patched silently.
 */
export interface FerretdbPatch {
  id: string;
  file: string;
  from: string;
  to: string;
  why: string;
}

export const FERRETDB_PATCHES: readonly FerretdbPatch[] = [
  {
    id: 'sqlite-id-index-expression',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
    // SQLite matches index expressions by their text. FerretDB creates the unique _id index on
    // `_ferretdb_sjson->"_id"` but looks documents up with `->'$._id'` (same value, other text),
    // so every find/update/delete by _id scanned the whole table (EXPLAIN QUERY PLAN: SCAN).
    // `->'_id'` is the form the index was built on (SEARCH … USING INDEX).
    why: 'lookups, updates and deletes by _id use the unique _id index instead of scanning the table',
  },
];

/** What the stamp next to the binary records, so an unpatched or differently patched build is rebuilt. */
export function patchStamp(version: string): string {
  return JSON.stringify({ version, patches: FERRETDB_PATCHES.map((p) => p.id) });
}
