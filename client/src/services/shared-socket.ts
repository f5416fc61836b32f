import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ServerToClientEvents } from '../../../shared/events';
import { useClient } from './client-context';
import { holdSocket } from './tab-socket';

/**
 * Calls `handler` with each `event` the server pushes, once it passes `schema` (anything else is
 * dropped). Listens only when `enabled`. Returns whether the socket is connected.
 */
export function useServerEvent<T>(event: keyof ServerToClientEvents, schema: z.ZodType<T>, handler: (payload: T) => void, enabled = true): boolean {
  const client = useClient();
  const latest = useRef(handler);
  latest.current = handler;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    const { socket, release } = holdSocket(client);
    // The typed map has one signature per event; this listener checks the payload itself.
    const untyped = socket as unknown as { on(name: string, listener: (...args: unknown[]) => void): void; off(name: string, listener: (...args: unknown[]) => void): void };
    const onEvent = (raw: unknown): void => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) latest.current(parsed.data);
    };
    const onConnect = (): void => setConnected(true);
    const onDisconnect = (): void => setConnected(false);
    untyped.on(event, onEvent);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    setConnected(socket.connected);
    return () => {
      untyped.off(event, onEvent);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      release();
    };
  }, [client, event, schema, enabled]);
  return connected;
}

/**
 * Calls `resync` whenever pushes may have been missed: the server nudged this socket because it
 * fell behind (`sync:behind`), or the socket (re)connected after the page had read its data.
 * Pages reload what they show. Listens only when `enabled`.
 */
export function useResync(resync: () => void, enabled = true): void {
  const client = useClient();
  const latest = useRef(resync);
  latest.current = resync;
  useEffect(() => {
    if (!enabled) return undefined;
    const { socket, release } = holdSocket(client);
    const onResync = (): void => latest.current();
    socket.on('sync:behind', onResync);
    socket.on('connect', onResync);
    return () => {
      socket.off('sync:behind', onResync);
      socket.off('connect', onResync);
      release();
    };
  }, [client, enabled]);
}
