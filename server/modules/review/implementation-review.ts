import type { ImplementationReview, ReviewQuery } from '../../../shared/schemas/review.js';
import type { AuditStore } from '../audit/ports.js';
import type { User } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import { confinedState } from '../../../shared/authz/can.js';
import { authorize } from '../accounts/authorize.js';
import { verifySegments, type LogVerdict } from '../audit/verify-log.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ReviewTally } from './review-tally.js';

export interface ReviewDeps {
  auditEntries: AuditStore;
  audit: AuditLog;
  /** The audit log keys in the order they were in force: the segments' heads are checked against them. */
  logKeys(): Promise<readonly string[]>;
  clock: Clock;
}

interface CountedYear {
  tally: ReviewTally;
  verdict: LogVerdict;
}

/** Reviews being counted, per trail and year: admins asking at once share one reading of the trail. */
const counting = new WeakMap<AuditStore, Map<number, Promise<CountedYear>>>();

function countYear(auditEntries: AuditStore, logKeys: readonly string[], year: number): Promise<CountedYear> {
  let byYear = counting.get(auditEntries);
  if (!byYear) counting.set(auditEntries, (byYear = new Map()));
  let pending = byYear.get(year);
  if (!pending) {
    const tally = new ReviewTally({ from: yearStart(year), to: yearStart(year + 1) });
    pending = verifySegments(auditEntries.allSegments(), { logKeys, onEntry: (entry) => tally.add(entry) }).then(
      ({ leaves: _leaves, ...verdict }) => ({ tally, verdict }),
    );
    const forget = (): void => void byYear.delete(year);
    pending.then(forget, forget);
    byYear.set(year, pending);
  }
  return pending;
}

const yearStart = (year: number): Date => new Date(Date.UTC(year, 0, 1));

/**
 * The year's review from the audit trail: the log is read from its first segment, each segment's
 * root and signed head checked as its entries are counted, so the figures come with a verdict on the trail they rest on.
 * National admins get their own state's; the secretariat one state's or the whole network's.
 */
export async function implementationReview(
  deps: ReviewDeps,
  actor: User,
  query: ReviewQuery,
): Promise<ImplementationReview> {
  const state = confinedState(actor) ?? query.state ?? null;
  authorize(actor, 'review:read', state === null ? {} : { state });
  const { tally, verdict } = await countYear(deps.auditEntries, await deps.logKeys(), query.year);
  await deps.audit.append({
    type: 'review.generated',
    actorId: actor.id,
    state: actor.state,
    data: { year: query.year, state },
  });
  return {
    year: query.year,
    state,
    from: yearStart(query.year).toISOString(),
    to: yearStart(query.year + 1).toISOString(),
    ...tally.figures(state, deps.clock.now()),
    // Sequence numbers run from 1 without gaps while the log holds, so the entries checked end at the head.
    trail: {
      verified: verdict.ok,
      entriesChecked: verdict.checked,
      headSeq: verdict.checked,
      headHash: verdict.ok ? verdict.root : '',
      firstBroken: verdict.ok ? null : verdict.firstBroken,
    },
    generatedAt: deps.clock.now().toISOString(),
  };
}
