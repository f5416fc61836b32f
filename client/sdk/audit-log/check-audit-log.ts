import type { Sha256 } from '../../../shared/audit/merkle.js';
import { verifyTreeHeadSignature, type SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { endorsedKeysFrom } from '../../../shared/crypto/verify-key-transition.js';
import { isApiError } from '../api-error.js';
import type { AuditLogApi } from '../api/audit-log-api.js';
import type { AuditHeadStore, SavedAuditLog } from './head-store.js';
import { judgeConsistency, judgeRefusal, type Problem } from './judge-consistency.js';
import type { ConsistencyResponse } from '../../../shared/schemas/audit-log.js';
import type { AuditLogDiscrepancy, AuditLogVerdict } from './verdict.js';

export interface AuditCheckDeps {
  api: AuditLogApi;
  store: AuditHeadStore;
  userId: string;
  sha256: Sha256;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** No answer at all (the network): nothing was refused, nothing is known. */
const unreachable = (error: unknown): boolean => isApiError(error) && error.status === 0;

/**
 * Checks that the log the server shows now extends the newest head this client verified for this
 * person (RFC 9162 consistency), or pins the log key and head on first use. A failure keeps the
 * saved head, is reported to the server (best effort) and comes back as the verdict: never thrown.
 */
export async function checkAuditLog(deps: AuditCheckDeps): Promise<AuditLogVerdict> {
  try {
    const saved = await deps.store.load(deps.userId);
    return saved ? await extend(deps, saved) : await pinFirst(deps);
  } catch (error) {
    return { ok: false, kind: 'unchecked', detail: message(error) };
  }
}

async function pinFirst(deps: AuditCheckDeps): Promise<AuditLogVerdict> {
  // Trust on first use: the key the directory publishes now is the one every later head must carry.
  const logKey = await deps.api.logKey();
  const { head } = await deps.api.head();
  if (!(await verifyTreeHeadSignature(head, logKey)))
    return {
      ok: false,
      kind: 'bad-signature',
      saved: null,
      current: head,
      reported: false,
      detail: `the head of size ${head.size} is not signed by the directory's log key`,
    };
  await deps.store.save(deps.userId, { logKey, head });
  return { ok: true, head, checkedFrom: null };
}

async function extend(deps: AuditCheckDeps, saved: SavedAuditLog): Promise<AuditLogVerdict> {
  let answer: ConsistencyResponse;
  try {
    answer = await deps.api.consistency(saved.head.size);
  } catch (error) {
    if (unreachable(error)) throw error;
    // Refused: a head smaller than the saved one explains why (the log was cut short).
    const current = await deps.api.head().then(
      (shown) => shown.head,
      () => null,
    );
    return report(deps, saved, current, await judgeRefusal(saved.logKey, saved.head, current, message(error)));
  }
  const logKey = await keyOfHead(deps, saved.logKey, answer.head);
  const problem = await judgeConsistency(deps.sha256, logKey, saved.head, answer);
  if (problem) return report(deps, saved, answer.head, problem);
  await saveUnlessOvertaken(deps, saved, answer.head, logKey);
  return { ok: true, head: answer.head, checkedFrom: saved.head.size };
}

/**
 * The pinned key, or the key it led to by renewals it signed itself (the server renews its keys
 * with the old one's endorsement) when that is what signed the head. Nothing else replaces a pin:
 * a head signed by any other key stays a bad signature.
 */
async function keyOfHead(deps: AuditCheckDeps, pinned: string, head: SignedTreeHead): Promise<string> {
  if (await verifyTreeHeadSignature(head, pinned)) return pinned;
  const transitions = await deps.api.keyTransitions().catch(() => []);
  const successors = (await endorsedKeysFrom(pinned, transitions, 'audit-log')).slice(1).reverse();
  for (const key of successors) if (await verifyTreeHeadSignature(head, key)) return key;
  return pinned;
}

/** Another client of the same store (a browser's other tab) may have verified a newer head meanwhile: keep that one. */
async function saveUnlessOvertaken(
  deps: AuditCheckDeps,
  saved: SavedAuditLog,
  head: SignedTreeHead,
  logKey: string,
): Promise<void> {
  const latest = (await deps.store.load(deps.userId)) ?? saved;
  if (latest.head.size > head.size) return;
  await deps.store.save(deps.userId, { ...latest, logKey, head });
}

async function report(
  deps: AuditCheckDeps,
  saved: SavedAuditLog,
  current: SignedTreeHead | null,
  problem: Problem,
): Promise<AuditLogDiscrepancy> {
  const head = saved.head;
  const verdict = { ok: false as const, kind: problem.kind, saved: head, current, detail: problem.detail };
  // Found again from the same saved head (a reload, the next sign-in): told once is enough.
  const last = saved.reported;
  if (last && last.kind === problem.kind && last.savedSize === head.size && last.savedRoot === head.root)
    return { ...verdict, reported: true };
  try {
    await deps.api.reportDiscrepancy({
      kind: problem.kind,
      saved: head,
      current,
      detail: problem.detail.slice(0, 500),
    });
  } catch {
    return { ...verdict, reported: false };
  }
  const latest = (await deps.store.load(deps.userId)) ?? saved;
  await deps.store.save(deps.userId, {
    ...latest,
    reported: { kind: problem.kind, savedSize: head.size, savedRoot: head.root },
  });
  return { ...verdict, reported: true };
}
