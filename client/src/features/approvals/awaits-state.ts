import type { ApprovalView } from '../../../../shared/schemas/approvals';

/** A held exchange still waits for this state's decision (the menu's count and home's line). */
export const awaitsState = (
  approval: Pick<ApprovalView, 'status' | 'pendingStates'>,
  state: string | null | undefined,
): boolean => approval.status === 'pending' && !!state && (approval.pendingStates as readonly string[]).includes(state);
