import type { ApprovalStatus } from '../../../shared/schemas/approvals.js';
import type { ApprovalRecord } from './ports.js';
import type { PoliciesDeps } from './policies-deps.js';

/** Each holding state's national admins hear that this exchange's place in their queue changed. */
export function tellHoldingStates(
  deps: PoliciesDeps,
  record: Pick<ApprovalRecord, 'id' | 'holdingStates'>,
  status: ApprovalStatus,
): void {
  for (const state of record.holdingStates) deps.approvalNotifier.updated(state, { id: record.id, status });
}
