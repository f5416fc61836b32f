import type { DualControlRequestView } from '../../../shared/schemas/dual-control.js';
import type { User } from '../accounts/ports/users.js';
import type { DualControlDeps } from './dual-control-deps.js';
import type { DualControlRecord } from './ports.js';
import { secondApproverVerdict } from './second-approver.js';

/** The request as `viewer` sees it, with the names of the two people concerned. */
export async function toRequestView(
  deps: DualControlDeps,
  viewer: User,
  record: DualControlRecord,
): Promise<DualControlRequestView> {
  const [subject, requester] = await Promise.all([
    deps.users.findById(record.subjectId),
    deps.users.findById(record.requestedBy),
  ]);
  const open = record.status === 'pending' && record.expiresAt.getTime() > deps.clock.now().getTime();
  return {
    id: record.id,
    kind: record.kind,
    subjectId: record.subjectId,
    subjectName: subject?.displayName ?? '',
    state: record.state,
    payload: record.payload,
    requestedBy: record.requestedBy,
    requestedByName: requester?.displayName ?? '',
    requestedAt: record.requestedAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
    status: record.status,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt?.toISOString() ?? null,
    comment: record.comment,
    youMayDecide: open && secondApproverVerdict(viewer, record) === 'eligible',
  };
}
