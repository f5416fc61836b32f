import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { sealEnvelope } from '../../../shared/crypto/envelope-seal.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { getSodium } from '../../../shared/crypto/sodium.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { Ack } from '../../../shared/errors.js';
import { connectAll, type BenchPerson, type BenchSocket } from './bench-network.js';

/** One planned message: who sends it to whom, sealed in advance so the load generator only sends. */
export interface PlannedMessage {
  sender: number;
  recipient: number;
  envelope: Envelope;
}

/** Payload bytes that make a sealed one-recipient envelope about 1 KB of JSON. */
const TEXT_BYTES = 8;

/**
 * Seals `count` envelopes, by default message k from person (k mod n) to the next person, so
 * every socket sends and receives. Sealing happens before any clock starts.
 */
export async function planMessages(
  people: readonly BenchPerson[],
  count: number,
  route = (k: number): { sender: number; recipient: number } => ({
    sender: k % people.length,
    recipient: (k + 1) % people.length,
  }),
): Promise<PlannedMessage[]> {
  const sodium = await getSodium();
  const plan: PlannedMessage[] = [];
  for (let k = 0; k < count; k++) {
    const { sender, recipient } = route(k);
    const from = people[sender];
    const to = people[recipient];
    if (!from?.keys || !to?.keys) throw new Error('planned messages need people with keys');
    const envelope = await sealEnvelope({
      ts: Date.now(),
      kind: 'message',
      from: { userId: from.id, state: from.state },
      labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
      recipients: [{ userId: to.id, state: to.state, encryptionKey: to.keys.encryption.publicKey }],
      content: { text: toBase64Url(sodium.randombytes_buf(TEXT_BYTES)) },
      senderIdentity: from.keys.identity,
      selfEncryptionKey: from.keys.encryption.publicKey,
    });
    plan.push({ sender, recipient, envelope });
  }
  return plan;
}

/** What the load generator drives: a FocalNet relay or the raw ws baseline. */
export interface RelayTarget {
  name: string;
  /** Sends planned message `k`; resolves on the sender's acknowledgement, rejects on an error answer. */
  send(k: number, message: PlannedMessage): Promise<void>;
  /** Called by the target whenever a recipient receives message `k`. */
  onDeliver(listener: (k: number) => void): void;
  /** Sends still waiting for their acknowledgement. */
  pending(): number;
  /** `sync:behind` nudges the recipients were given (FocalNet only): each drains the queue, as the SDK does. */
  nudges?(): number;
  close(): Promise<void>;
}

/**
 * FocalNet over socket.io: `message:send` with an ack (after the durable write), `message:new`
 * at the recipient, which acknowledges what it received every 100 ms as a real client does. On a
 * `sync:behind` nudge the recipient drains its queue (message:fetch), as the SDK does: what
 * arrives that way arrived live too (no reconnect), and is counted when it arrives.
 */
export async function focalNetTarget(
  name: string,
  senderUrl: string,
  recipientUrl: string,
  people: readonly BenchPerson[],
): Promise<RelayTarget> {
  const sameNode = senderUrl === recipientUrl;
  const senders = await connectAll(senderUrl, people);
  const receivers: BenchSocket[] = sameNode ? senders : await connectAll(recipientUrl, people);
  const kOf = new Map<string, number>();
  let inflight = 0;
  let listener: (k: number) => void = () => undefined;
  const pendingAcks = receivers.map(() => [] as string[]);
  let nudges = 0;
  const arrived = (i: number, message: DeliveredMessage): void => {
    const k = kOf.get(message.envelope.header.msgId);
    if (k !== undefined) listener(k);
    pendingAcks[i]?.push(message.id);
  };
  const drain = async (socket: BenchSocket, i: number): Promise<void> => {
    for (;;) {
      const page = (await socket.timeout(30_000).emitWithAck('message:fetch', { limit: 200 })) as Ack<{
        messages: DeliveredMessage[];
        more: boolean;
      }>;
      if (!page.ok) return;
      for (const message of page.data.messages) arrived(i, message);
      if (page.data.messages.length > 0)
        await socket.timeout(30_000).emitWithAck('message:ack', { ids: page.data.messages.map((m) => m.id) });
      if (!page.data.more) return;
    }
  };
  receivers.forEach((socket, i) => {
    socket.on('message:new', (message: DeliveredMessage) => arrived(i, message));
    socket.on('sync:behind', () => {
      nudges += 1;
      void drain(socket, i).catch(() => undefined);
    });
  });
  const acker = setInterval(() => {
    receivers.forEach((socket, i) => {
      const ids = pendingAcks[i];
      if (!ids || ids.length === 0) return;
      pendingAcks[i] = [];
      for (let start = 0; start < ids.length; start += 200)
        socket.emit('message:ack', { ids: ids.slice(start, start + 200) }, () => undefined);
    });
  }, 100);
  return {
    name,
    async send(k, message) {
      kOf.set(message.envelope.header.msgId, k);
      const socket = senders[message.sender];
      if (!socket) throw new Error('no socket');
      inflight += 1;
      const ack = (await socket
        .timeout(30_000)
        .emitWithAck('message:send', { envelope: message.envelope })
        .finally(() => {
          inflight -= 1;
        })) as Ack<unknown>;
      if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
    },
    onDeliver(fn) {
      listener = fn;
    },
    pending: () => inflight,
    nudges: () => nudges,
    async close() {
      clearInterval(acker);
      for (const socket of new Set([...senders, ...receivers])) socket.disconnect();
    },
  };
}

/** The raw ws relay baseline (scripts/bench/lib/ws-relay-server.ts), one socket per person. */
export async function wsRelayTarget(url: string, count: number): Promise<RelayTarget> {
  let listener: (k: number) => void = () => undefined;
  const acks = new Map<number, () => void>();
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(`${url}/?id=${i}`);
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
          socket.on('message', (data) => {
            const frame = JSON.parse(data.toString()) as { ack?: number; seq?: number };
            if (frame.ack !== undefined) {
              acks.get(frame.ack)?.();
              acks.delete(frame.ack);
            } else if (frame.seq !== undefined) listener(frame.seq);
          });
        }),
    ),
  );
  return {
    name: 'raw ws relay',
    send(k, message) {
      return new Promise<void>((resolve) => {
        acks.set(k, resolve);
        sockets[message.sender]?.send(JSON.stringify({ to: message.recipient, seq: k, envelope: message.envelope }));
      });
    },
    onDeliver(fn) {
      listener = fn;
    },
    pending: () => acks.size,
    async close() {
      for (const socket of sockets) socket.close();
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface PhaseResult {
  sent: number;
  delivered: number;
  /** Sent and acknowledged but not received within the grace period (still queued: overload, not loss). */
  undelivered: number;
  duplicates: number;
  errors: number;
  /** The first error answer, to say what went wrong. */
  firstError: string | undefined;
  /** Scheduled send (fixed rate) or actual send (window) → recipient received, ms. */
  latenciesMs: number[];
  /** Deliveries per second from the first send to the last delivery. */
  throughput: number;
}

/**
 * Sends `plan` through `target` and waits until every message arrived (or `graceMs` passed).
 * With `rate`: fixed-rate sends, latency from the *scheduled* send time (a stalled server cannot
 * hide its queue). With `window`: as fast as acknowledgements allow, `window` sends in flight.
 */
export async function runPhase(
  target: RelayTarget,
  plan: readonly PlannedMessage[],
  offset: number,
  mode: { rate: number } | { window: number },
  graceMs = 15_000,
): Promise<PhaseResult> {
  const startAt = new Map<number, number>();
  const seen = new Set<number>();
  const latenciesMs: number[] = [];
  let duplicates = 0;
  let errors = 0;
  let firstError: string | undefined;
  let lastDelivery = 0;
  target.onDeliver((k) => {
    const started = startAt.get(k);
    if (started === undefined) return; // a straggler of an earlier phase
    if (seen.has(k)) {
      duplicates += 1;
      return;
    }
    seen.add(k);
    lastDelivery = performance.now();
    latenciesMs.push(lastDelivery - started);
  });
  const begin = performance.now();
  const sendOne = (i: number, at: number): Promise<void> => {
    const message = plan[i];
    if (!message) return Promise.resolve();
    startAt.set(offset + i, at);
    return target.send(offset + i, message).catch((error: unknown) => {
      firstError ??= String(error);
      errors += 1;
    });
  };
  if ('rate' in mode) {
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < plan.length; i++) {
      const scheduled = begin + (i * 1000) / mode.rate;
      const wait = scheduled - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      inflight.push(sendOne(i, scheduled));
    }
    await Promise.race([Promise.all(inflight), sleep(graceMs)]);
  } else {
    // Bounded in time too: a slow target gets fewer messages, not a longer run.
    const stopAt = begin + 30_000;
    let next = 0;
    await Promise.all(
      Array.from({ length: mode.window }, async () => {
        for (let i = next++; i < plan.length && performance.now() < stopAt; i = next++)
          await sendOne(i, performance.now());
      }),
    );
  }
  const waitUntil = performance.now() + graceMs;
  while (seen.size < startAt.size && performance.now() < waitUntil) await sleep(2);
  const seconds = ((lastDelivery || performance.now()) - begin) / 1000;
  // An overloaded target is still working on this phase: let it finish (bounded) so the next
  // phase measures itself, not this one's leftovers.
  const settleBy = performance.now() + 60_000;
  while (target.pending() > 0 && performance.now() < settleBy) await sleep(100);
  return {
    sent: startAt.size,
    delivered: seen.size,
    undelivered: startAt.size - seen.size,
    duplicates,
    errors,
    firstError,
    latenciesMs,
    throughput: seen.size / seconds,
  };
}
