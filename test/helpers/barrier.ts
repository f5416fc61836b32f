import type { Socket } from 'socket.io-client';
import type { Ack } from '../../shared/errors.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { PingResponse } from '../../shared/schemas/system.js';

/**
 * An event barrier instead of a sleep, for a test that must show an event did NOT arrive: a round
 * trip on each socket. socket.io keeps order per connection, so once the server's answer to this
 * ping is back, every event the server sent that socket before answering has arrived too.
 */
export async function flushed(...sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>>): Promise<void> {
  await Promise.all(
    sockets.map(async (socket) => {
      const answer = (await socket.timeout(5_000).emitWithAck('system:ping', { sentAt: 1 })) as Ack<PingResponse>;
      if (!answer.ok) throw new Error(`the barrier ping was refused: ${JSON.stringify(answer.error)}`);
    }),
  );
}

/** Polls `condition` (every 10 ms) until it holds; fails after `timeoutMs` naming `what`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what = 'a condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
