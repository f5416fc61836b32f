import { useCallback, useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { ServerToClientEvents } from '../../../shared/events';
import { useClient } from './client-context';
import { holdSocket, socketConnected } from './tab-socket';

/** Whether the tab's socket is connected, holding it while `enabled`. */
function useSocketConnected(enabled: boolean): boolean {
  const client = useClient();
  const subscribe = useCallback(
    (changed: () => void): (() => void) => {
      if (!enabled) return () => undefined;
      const { socket, release } = holdSocket(client);
      socket.on('connect', changed);
      socket.on('disconnect', changed);
      return () => {
        socket.off('connect', changed);
        socket.off('disconnect', changed);
        release();
      };
    },
    [client, enabled],
  );
  return useSyncExternalStore(subscribe, () => enabled && socketConnected(client));
}

/**
 * Calls `handler` with each `event` the server pushes, once it passes `schema` (anything else is
 * dropped). Listens only when `enabled`. Returns whether the socket is connected.
 */
export function useServerEvent<T>(
  event: keyof ServerToClientEvents,
  schema: z.ZodType<T>,
  handler: (payload: T) => void,
  enabled = true,
): boolean {
  const client = useClient();
  // The latest handler, without resubscribing when it changes.
  const onPayload = useEffectEvent((payload: T) => handler(payload));
  useEffect(() => {
    if (!enabled) return undefined;
    const { socket, release } = holdSocket(client);
    // The typed map has one signature per event; this listener checks the payload itself.
    const untyped = socket as unknown as {
      on(name: string, listener: (...args: unknown[]) => void): void;
      off(name: string, listener: (...args: unknown[]) => void): void;
    };
    const onEvent = (raw: unknown): void => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) onPayload(parsed.data);
    };
    untyped.on(event, onEvent);
    return () => {
      untyped.off(event, onEvent);
      release();
    };
  }, [client, event, schema, enabled]);
  return useSocketConnected(enabled);
}

/**
 * Calls `resync` whenever pushes may have been missed: the server nudged this socket because it
 * fell behind (`sync:behind`), or the socket (re)connected after the page had read its data.
 * Pages reload what they show. Listens only when `enabled`.
 */
export function useResync(resync: () => void, enabled = true): void {
  const client = useClient();
  const onResync = useEffectEvent(() => resync());
  useEffect(() => {
    if (!enabled) return undefined;
    const { socket, release } = holdSocket(client);
    const listener = (): void => onResync();
    socket.on('sync:behind', listener);
    socket.on('connect', listener);
    return () => {
      socket.off('sync:behind', listener);
      socket.off('connect', listener);
      release();
    };
  }, [client, enabled]);
}
