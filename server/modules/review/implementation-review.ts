import type { ImplementationReview, ReviewQuery } from '../../../shared/schemas/review.js';
import type { AuditRepository } from '../../db/repositories/audit.repository.js';
import type { User } from '../../db/repositories/users.repository.js';
import type { Clock } from '../../system/clock.js';
import { authorize } from '../accounts/authorize.js';
import { verifyChain, type AuditEntry } from '../audit/audit-chain.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ReviewTally } from './review-tally.js';

export interface ReviewDeps {
  auditEntries: AuditRepository;
  audit: AuditLog;
  clock: Clock;
}

async function* counted(entries: AsyncIterable<AuditEntry>, tally: ReviewTally): AsyncGenerator<AuditEntry> {
  for await (const entry of entries) {
    tally.add(entry);
    yield entry;
  }
}

/**
 * The year's review from the audit trail: the trail is read from its first entry, each entry's
 * hash checked as it is counted, so the figures come with a verdict on the trail they rest on.
 * National admins get their own state's; the secretariat one state's or the whole network's.
 */
export async function implementationReview(deps: ReviewDeps, actor: User, query: ReviewQuery): Promise<ImplementationReview> {
  const state = actor.role === 'national-admin' ? (actor.state ?? '') : (query.state ?? null);
  authorize(actor, 'review:read', state === null ? {} : { state });
  const from = new Date(Date.UTC(query.year, 0, 1));
  const to = new Date(Date.UTC(query.year + 1, 0, 1));
  const tally = new ReviewTally({ from, to });
  const verdict = await verifyChain(counted(deps.auditEntries.all(), tally));
  await deps.audit.append({ type: 'review.generated', actorId: actor.id, state: actor.state, data: { year: query.year, state } });
  return {
    year: query.year, state, from: from.toISOString(), to: to.toISOString(),
    ...tally.figures(state),
    trail: verdict.ok
      ? { verified: true, entriesChecked: verdict.checked, headSeq: verdict.checked, headHash: verdict.headHash, firstBroken: null }
      : { verified: false, entriesChecked: verdict.checked, headSeq: verdict.checked, headHash: '', firstBroken: verdict.firstBroken },
    generatedAt: deps.clock.now().toISOString(),
  };
}
