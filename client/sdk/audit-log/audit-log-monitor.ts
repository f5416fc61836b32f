import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import type { AuditLogApi } from '../api/audit-log-api.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import { checkAuditLog } from './check-audit-log.js';
import type { AuditHeadStore } from './head-store.js';
import { sodiumSha256 } from './sha256.js';
import type { AuditLogVerdict, InclusionVerdict } from './verdict.js';
import { verifyEntryInclusion } from './verify-inclusion.js';
import { witnessHead } from './witness-head.js';

/** What this client knows of the audit log for the signed-in person, for a page to show. */
export interface AuditLogStatus {
  userId: string;
  checking: boolean;
  /** The last check's verdict; undefined until the first one ends. */
  verdict?: AuditLogVerdict;
  /** The person read the failure and said they understood (the verdict stays as it was). */
  acknowledged: boolean;
  /** As a national admin's witness: the head size co-signed here, or why it could not be. */
  witness?: { size: number } | { error: string };
}

export interface AuditLogMonitor {
  readonly api: AuditLogApi;
  /** Undefined while no one is signed in. */
  status(): AuditLogStatus | undefined;
  /** Called on every change of `status()`; for React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  /** Checks now (joins a check already running). Runs by itself after every sign-in. */
  check(): Promise<AuditLogVerdict>;
  /** The check running, or the last verdict; undefined when signed out. */
  settled(): Promise<AuditLogVerdict | undefined>;
  /** The person has read the failure alert. */
  acknowledge(): void;
  /** Proves the entry is in the log this client verified (runs the check first when the entry is newer). */
  verifyInclusion(entry: AuditEntryView): Promise<InclusionVerdict>;
}

export interface AuditLogMonitorDeps {
  api: AuditLogApi;
  store: AuditHeadStore;
  session: SessionManager;
  keyStore: KeyStore;
}

/**
 * Runs the audit log check whenever a person signs in (or a stored session is taken up), keeps
 * the verdict for the pages, and, for an active national admin whose keys are unlocked, co-signs
 * each head it verified as a witness.
 */
export function createAuditLogMonitor({ api, store, session, keyStore }: AuditLogMonitorDeps): AuditLogMonitor {
  let status: AuditLogStatus | undefined;
  let running: Promise<AuditLogVerdict> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: AuditLogStatus | undefined): void => {
    status = next;
    for (const listener of listeners) listener();
  };
  const update = (userId: string, change: Partial<AuditLogStatus>): void => {
    if (status?.userId === userId) set({ ...status, ...change });
  };

  // One co-signature at a time: a second call finds the head already co-signed and skips it.
  let witnessing: Promise<void> = Promise.resolve();
  const witness = (): Promise<void> => (witnessing = witnessing.then(witnessNow));

  async function witnessNow(): Promise<void> {
    const user = session.current()?.user;
    const unlocked = keyStore.get();
    const verdict = status?.verdict;
    if (!user || user.role !== 'national-admin' || user.status !== 'active') return;
    // Keys of another account (a switch of user) must never sign for this one.
    if (!unlocked || unlocked.username !== user.username || !verdict?.ok) return;
    try {
      const sent = await witnessHead(
        { api, store, userId: user.id, identityPrivateKey: unlocked.keys.identity.privateKey },
        verdict.head,
      );
      if (sent) update(user.id, { witness: { size: verdict.head.size } });
    } catch (error) {
      update(user.id, { witness: { error: error instanceof Error ? error.message : String(error) } });
    }
  }

  function check(): Promise<AuditLogVerdict> {
    const user = session.current()?.user;
    if (!user) return Promise.resolve({ ok: false, kind: 'unchecked', detail: 'not signed in' });
    // Heads and proofs are for active accounts: one awaiting verification (or suspended) has nothing to check.
    if (user.status !== 'active')
      return Promise.resolve({ ok: false, kind: 'unchecked', detail: 'the account is not active' });
    if (running && status?.userId === user.id) return running;
    if (status?.userId !== user.id) set({ userId: user.id, checking: true, acknowledged: false });
    else update(user.id, { checking: true });
    const run = sodiumSha256()
      .then((sha256) => checkAuditLog({ api, store, userId: user.id, sha256 }))
      .then(async (verdict) => {
        if (running === run) running = undefined;
        update(user.id, { checking: false, verdict, acknowledged: verdict.ok });
        if (verdict.ok) await witness();
        return verdict;
      });
    running = run;
    return run;
  }

  // Every sign-in (and a session restored from storage) is checked once per person.
  const onSession = (): void => {
    const user = session.current()?.user;
    if (!user) {
      running = undefined;
      if (status) set(undefined);
    } else if (status?.userId !== user.id) void check();
  };
  session.subscribe(onSession);
  onSession();
  // Keys unlocked after the check: the verified head can now be co-signed.
  keyStore.subscribe(() => void witness());

  return {
    api,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check,
    settled: () => running ?? Promise.resolve(status?.verdict),
    acknowledge: () => {
      if (status) update(status.userId, { acknowledged: true });
    },
    async verifyInclusion(entry) {
      const user = session.current()?.user;
      if (!user) return { ok: false, seq: entry.seq, reason: 'log-unverified', detail: 'not signed in' };
      const sha256 = await sodiumSha256();
      return verifyEntryInclusion({ api, store, userId: user.id, sha256, check }, entry);
    },
  };
}
