import { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../../../shared/schemas/requests';
import { useResync, useServerEvent } from '../../services/shared-socket';

export interface RequestUpdateHandlers {
  updated?: (request: RequestCaseView) => void;
  reminder?: (event: RequestReminderEvent) => void;
  overdue?: (event: RequestOverdueEvent) => void;
  /** Pushes may have been missed (the socket fell behind or reconnected): reload what is shown. */
  resync?: () => void;
}

/**
 * Request events pushed by the server (a case created or moved, a reminder, overdue), checked
 * against the shared schemas before use. Returns whether the socket is connected. Listens only
 * when `enabled`.
 */
export function useRequestUpdates(handlers: RequestUpdateHandlers, enabled = true): boolean {
  const connected = useServerEvent(
    'request:updated',
    RequestCaseView,
    (request) => handlers.updated?.(request),
    enabled,
  );
  useServerEvent('request:reminder', RequestReminderEvent, (event) => handlers.reminder?.(event), enabled);
  useServerEvent('request:overdue', RequestOverdueEvent, (event) => handlers.overdue?.(event), enabled);
  useResync(() => handlers.resync?.(), enabled && handlers.resync !== undefined);
  return connected;
}
