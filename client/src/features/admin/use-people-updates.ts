import { PersonUpdatedEvent } from '../../../../shared/schemas/accounts';
import { useResync, useServerEvent } from '../../services/shared-socket';

/**
 * Someone this admin is responsible for registered, changed keys or changed status: pushed by the
 * server. Listens only when `enabled`.
 */
export function usePeopleUpdates(changed: (event?: PersonUpdatedEvent) => void, enabled = true): void {
  useServerEvent('people:updated', PersonUpdatedEvent, changed, enabled);
  useResync(() => changed(), enabled); // undefined: pushes may have been missed, reload everything
}
