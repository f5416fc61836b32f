import type { ServerKeyPurpose } from '../../../shared/crypto/key-transition-format.js';
import { verifyKeyTransition } from '../../../shared/crypto/verify-key-transition.js';
import { auditLogSigningKey } from '../audit/log-key.js';
import { directoryKey } from '../directory/snapshot-signer.js';
import type { KeyGeneration } from './ports.js';
import type { ServerKeys } from './settle-keys.js';

/** The directory key and the audit log key of one signing secret. */
export function serverKeys(signingSecret: string): ServerKeys {
  return { directory: directoryKey(signingSecret), auditLog: auditLogSigningKey(signingSecret) };
}

/** What the generations say about the audit log's keys, for whoever walks the log. */
export interface LogKeyHistory {
  /** The audit log keys in the order they were in force: each segment's head is signed by one of them, never by an earlier one than the segment before. */
  keys: string[];
  /** Generations the one before did not endorse and no replacement explains (the record was changed). */
  problems: string[];
  /** Replacements after a leak: accepted by the operator, unendorsed, told to whoever reads the report. */
  replacements: { generation: number; since: Date; reason: string }[];
}

const KEY_OF: Record<ServerKeyPurpose, 'directoryKey' | 'auditLogKey'> = {
  directory: 'directoryKey',
  'audit-log': 'auditLogKey',
};

/**
 * Checks each generation's endorsement by the one before it. With none recorded (a database from
 * before generations were kept, not started since), the configured key is the only one.
 */
export async function logKeyHistory(
  generations: readonly KeyGeneration[],
  configuredLogKey: string,
): Promise<LogKeyHistory> {
  const history: LogKeyHistory = {
    keys: generations.length === 0 ? [configuredLogKey] : [],
    problems: [],
    replacements: [],
  };
  let before: KeyGeneration | undefined;
  for (const generation of generations) {
    history.keys.push(generation.auditLogKey);
    if (before && generation.replacedBecause !== undefined)
      history.replacements.push({
        generation: generation.generation,
        since: generation.since,
        reason: generation.replacedBecause,
      });
    else if (before) {
      for (const purpose of ['directory', 'audit-log'] as const)
        if (!(await endorsed(before, generation, purpose)))
          history.problems.push(
            `key generation ${generation.generation}'s ${purpose} key is not endorsed by generation ${before.generation}'s`,
          );
    }
    before = generation;
  }
  return history;
}

async function endorsed(before: KeyGeneration, after: KeyGeneration, purpose: ServerKeyPurpose): Promise<boolean> {
  const from = before[KEY_OF[purpose]];
  const to = after[KEY_OF[purpose]];
  const checks = after.transitions
    .filter((t) => t.purpose === purpose && t.from === from && t.to === to)
    .map((t) => verifyKeyTransition(t));
  return (await Promise.all(checks)).some(Boolean);
}
