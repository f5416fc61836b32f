import type { WitnessSignatureView } from '../../../../shared/schemas/audit-log';

/** Each state's newest co-signature, by state name: whole when it covers the head, else up to its size. */
export interface Cosigner {
  state: string;
  /** Undefined when the state co-signed the head shown; else the size it co-signed. */
  upTo?: number;
}

export function cosigners(witnesses: readonly WitnessSignatureView[], headSize: number): Cosigner[] {
  const newest = new Map<string, number>();
  for (const witness of witnesses)
    newest.set(witness.state, Math.max(newest.get(witness.state) ?? 0, witness.head.size));
  return [...newest]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, size]) => (size >= headSize ? { state } : { state, upTo: size }));
}
