import { connectSocket, type FocalNetClient, type FocalNetSocket } from '../../sdk/index';

interface Held {
  socket: FocalNetSocket;
  holders: number;
}

const held = new WeakMap<FocalNetClient, Held>();

/**
 * The tab's one socket.io connection, shared by everything live in it (messaging, liveness prompts,
 * queues, badges, home): the first holder connects it, the last one to let go closes it. Opening
 * another socket elsewhere would double the server's pushes and connections per tab.
 */
export function holdSocket(client: FocalNetClient): { socket: FocalNetSocket; release: () => void } {
  let entry = held.get(client);
  if (!entry) {
    entry = { socket: connectSocket(client), holders: 0 };
    held.set(client, entry);
  }
  const mine = entry;
  mine.holders += 1;
  let released = false;
  return {
    socket: mine.socket,
    release: () => {
      if (released) return;
      released = true;
      mine.holders -= 1;
      if (mine.holders > 0) return;
      mine.socket.close();
      if (held.get(client) === mine) held.delete(client);
    },
  };
}

/** Whether the tab's socket is up (false while nothing holds it). */
export function socketConnected(client: FocalNetClient): boolean {
  return held.get(client)?.socket.connected ?? false;
}
