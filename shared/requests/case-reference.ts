/**
 * A case's human reference, `KZ→RU-2026-0042`: requesting state → requested state, the year the
 * request was submitted (UTC) and a sequence per pair of states and year. Officers quote it on the
 * phone and in national systems, so it is short, stable and unique across the network.
 */
export function formatCaseReference(fromState: string, toState: string, year: number, no: number): string {
  return `${referencePair(fromState, toState)}-${year}-${String(no).padStart(4, '0')}`;
}

/** The counter key a reference's sequence runs under. */
export function referencePair(fromState: string, toState: string): string {
  return `${fromState}→${toState}`;
}

/**
 * What a person typed to find a case by reference, as stored: upper case, and the arrow typed the
 * way keyboards allow (`KZ->RU`, `KZ>RU`).
 */
export function normalizeReferenceQuery(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/\s*(->|>|—>|=>)\s*/g, '→')
    .replace(/\s*→\s*/g, '→');
}
