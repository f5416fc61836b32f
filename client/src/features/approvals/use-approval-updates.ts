import { ApprovalUpdatedEvent } from '../../../../shared/schemas/approvals';
import { useResync, useServerEvent } from '../../services/shared-socket';

/**
 * The own state's approvals queue changed (an exchange held, decided on by a state, or settled):
 * pushed by the server to the state's national admins. Listens only when `enabled`.
 */
export function useApprovalUpdates(changed: (event?: ApprovalUpdatedEvent) => void, enabled = true): void {
  useServerEvent('approval:updated', ApprovalUpdatedEvent, changed, enabled);
  useResync(() => changed(), enabled); // undefined: pushes may have been missed, reload everything
}
