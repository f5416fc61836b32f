import {
  keyTransitionSignedBytes,
  type KeyTransition,
  type ServerKeyPurpose,
} from '../../../shared/crypto/key-transition-format.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DerivedKey } from './derived-key.js';
import type { KeyGeneration, KeyGenerationStore } from './ports.js';

/** The pair of keys one signing secret gives. */
export interface ServerKeys {
  directory: DerivedKey;
  auditLog: DerivedKey;
}

export interface SettleDeps {
  store: KeyGenerationStore;
  clock: Clock;
  audit: AuditLog;
}

export type Settled =
  | { kind: 'first' | 'unchanged'; generation: number }
  | { kind: 'renewed' | 'replaced'; generation: number; previous: KeyGeneration };

/** The configured signing secret does not give the keys in force, and nothing says how they were replaced. */
export class SigningKeysMismatch extends Error {
  constructor(latest: KeyGeneration, current: ServerKeys) {
    super(
      [
        `SIGNING_KEY_SECRET gives keys this deployment has never signed with (audit log key ${short(current.auditLog.publicKey)},`,
        `in force: ${short(latest.auditLogKey)} since ${latest.since.toISOString()}, generation ${latest.generation}).`,
        'A wrong secret would sign heads no client can check. To renew the keys, also set',
        'SIGNING_KEY_PREVIOUS_SECRET to the secret in force; after a leak, see "Replacing leaked',
        'signing keys" in docs/deployment.md.',
      ].join(' '),
    );
    this.name = 'SigningKeysMismatch';
  }
}

const short = (key: string): string => `${key.slice(0, 8)}…`;
const holds = (generation: KeyGeneration, keys: ServerKeys): boolean =>
  generation.directoryKey === keys.directory.publicKey && generation.auditLogKey === keys.auditLog.publicKey;

/**
 * At start: records the keys in force the first time, accepts them unchanged, or renews them when
 * the previous secret is given too — the previous keys sign "from now on, these" (KeyTransition),
 * so every client that pinned them follows. Anything else is refused (SigningKeysMismatch): a node
 * must never sign with keys no one can trace. Two nodes renewing at once store one generation.
 */
export async function settleServerKeys(deps: SettleDeps, current: ServerKeys, previous?: ServerKeys): Promise<Settled> {
  for (;;) {
    const latest = await deps.store.latest();
    if (!latest) {
      const first = { generation: 1, ...publicKeys(current), since: deps.clock.now(), transitions: [] };
      if (await deps.store.add(first)) return { kind: 'first', generation: 1 };
      continue;
    }
    if (holds(latest, current)) return { kind: 'unchanged', generation: latest.generation };
    if (!previous || !holds(latest, previous)) throw new SigningKeysMismatch(latest, current);
    const since = deps.clock.now();
    const at = since.toISOString();
    const next: KeyGeneration = {
      generation: latest.generation + 1,
      ...publicKeys(current),
      since,
      transitions: [
        transition('directory', previous.directory, current.directory, at),
        transition('audit-log', previous.auditLog, current.auditLog, at),
      ],
    };
    if (!(await deps.store.add(next))) continue;
    // Signed by the new key: the first head every client meets after the renewal.
    await deps.audit.append({ type: 'system.signing-keys-renewed', data: generationData(next, latest) });
    return { kind: 'renewed', generation: next.generation, previous: latest };
  }
}

/**
 * After the keys in force leaked: makes the configured keys the next generation without their
 * endorsement (the leaked keys could endorse anyone's). Clients cannot follow it on their own:
 * each person's client reports the new audit log key as it would tampering, which after a leak is
 * the truth. Refused when the configured keys are already in force.
 */
export async function replaceServerKeys(deps: SettleDeps, current: ServerKeys, reason: string): Promise<Settled> {
  const latest = await deps.store.latest();
  if (!latest) throw new Error('no keys are recorded yet: start the server once, there is nothing to replace');
  if (holds(latest, current))
    throw new Error(`the configured keys are already in force (generation ${latest.generation}): nothing to replace`);
  const next: KeyGeneration = {
    generation: latest.generation + 1,
    ...publicKeys(current),
    since: deps.clock.now(),
    transitions: [],
    replacedBecause: reason,
  };
  if (!(await deps.store.add(next)))
    throw new Error('another replacement was recorded at the same moment: run it again');
  await deps.audit.append({
    type: 'system.signing-keys-replaced',
    data: { ...generationData(next, latest), reason },
  });
  return { kind: 'replaced', generation: next.generation, previous: latest };
}

function publicKeys(keys: ServerKeys): Pick<KeyGeneration, 'directoryKey' | 'auditLogKey'> {
  return { directoryKey: keys.directory.publicKey, auditLogKey: keys.auditLog.publicKey };
}

function transition(purpose: ServerKeyPurpose, from: DerivedKey, to: DerivedKey, at: string): KeyTransition {
  const unsigned = { purpose, from: from.publicKey, to: to.publicKey, at };
  return { ...unsigned, signature: from.sign(keyTransitionSignedBytes(unsigned)) };
}

function generationData(next: KeyGeneration, previous: KeyGeneration): Record<string, string | number> {
  return {
    generation: next.generation,
    directoryKey: next.directoryKey,
    auditLogKey: next.auditLogKey,
    previousDirectoryKey: previous.directoryKey,
    previousAuditLogKey: previous.auditLogKey,
  };
}
