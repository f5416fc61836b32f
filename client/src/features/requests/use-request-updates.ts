import { useEffect, useRef, useState } from 'react';
import type { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../../../shared/schemas/requests';
import { RequestCaseView as CaseSchema, RequestOverdueEvent as OverdueSchema, RequestReminderEvent as ReminderSchema } from '../../../../shared/schemas/requests';
import { connectSocket } from '../../../sdk/index';
import { useClient } from '../../services/client-context';

export interface RequestUpdateHandlers {
  updated?: (request: RequestCaseView) => void;
  reminder?: (event: RequestReminderEvent) => void;
  overdue?: (event: RequestOverdueEvent) => void;
}

/**
 * Request events pushed by the server (a case created or moved, a reminder, overdue), checked
 * against the shared schemas before use. Returns whether the socket is connected. Connects only
 * when `enabled`.
 */
export function useRequestUpdates(handlers: RequestUpdateHandlers, enabled = true): boolean {
  const client = useClient();
  const latest = useRef(handlers);
  latest.current = handlers;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    const socket = connectSocket(client);
    const onUpdated = (raw: unknown): void => {
      const parsed = CaseSchema.safeParse(raw);
      if (parsed.success) latest.current.updated?.(parsed.data);
    };
    const onReminder = (raw: unknown): void => {
      const parsed = ReminderSchema.safeParse(raw);
      if (parsed.success) latest.current.reminder?.(parsed.data);
    };
    const onOverdue = (raw: unknown): void => {
      const parsed = OverdueSchema.safeParse(raw);
      if (parsed.success) latest.current.overdue?.(parsed.data);
    };
    socket.on('request:updated', onUpdated);
    socket.on('request:reminder', onReminder);
    socket.on('request:overdue', onOverdue);
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    return () => {
      socket.close();
    };
  }, [client, enabled]);
  return connected;
}
