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
  const [subject, requester, approvers] = await Promise.all([
    deps.users.findById(record.subjectId),
    deps.users.findById(record.requestedBy),
    record.status === 'pending' ? possibleApprovers(deps, record) : Promise.resolve([]),
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
    approversAvailable: approvers.length,
  };
}

/** Everyone who could approve `record` now. */
export async function possibleApprovers(deps: DualControlDeps, record: DualControlRecord): Promise<User[]> {
  const [secretariat, stateAdmins] = await Promise.all([
    deps.users.list({ role: 'network-admin', status: 'active' }),
    deps.users.list({ role: 'national-admin', status: 'active', state: record.state }),
  ]);
  return [...secretariat, ...stateAdmins].filter((person) => secondApproverVerdict(person, record) === 'eligible');
}
