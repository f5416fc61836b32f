import { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../../../shared/schemas/requests';
import { useServerEvent } from '../../services/shared-socket';

export interface RequestUpdateHandlers {
  updated?: (request: RequestCaseView) => void;
  reminder?: (event: RequestReminderEvent) => void;
  overdue?: (event: RequestOverdueEvent) => void;
}

/**
 * Request events pushed by the server (a case created or moved, a reminder, overdue), checked
 * against the shared schemas before use. Returns whether the socket is connected. Listens only
 * when `enabled`.
 */
export function useRequestUpdates(handlers: RequestUpdateHandlers, enabled = true): boolean {
  const connected = useServerEvent('request:updated', RequestCaseView, (request) => handlers.updated?.(request), enabled);
  useServerEvent('request:reminder', RequestReminderEvent, (event) => handlers.reminder?.(event), enabled);
  useServerEvent('request:overdue', RequestOverdueEvent, (event) => handlers.overdue?.(event), enabled);
  return connected;
}
