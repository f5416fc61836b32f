import {
  connectSocket,
  createFocalNetClient,
  type FocalNetClient,
  type FocalNetSocket,
  type Messenger,
  type ReceivedMessage,
} from '../../client/sdk/index.js';
import type { TestPerson } from './accounts.js';
import type { Topology } from './topology.js';

/** A person's SDK client through the proxy (HTTPS and WSS, the test CA trusted), with a started messenger. */
export interface ProxiedPerson {
  person: TestPerson;
  client: FocalNetClient;
  socket: FocalNetSocket;
  messenger: Messenger;
  /** Every 'message' event, in order. */
  received: ReceivedMessage[];
  /** Every message:send this socket emitted (attempts and retries), by the envelope's msgId. */
  sendAttempts: Map<string, string[]>;
  close(): void;
}

export async function signInThroughProxy(topology: Topology, person: TestPerson): Promise<ProxiedPerson> {
  if (person.totpSecret) throw new Error('topology tests sign in focal points (no TOTP)');
  const client = createFocalNetClient({ baseUrl: topology.origin, fetch: topology.fetch });
  await client.signIn({ username: person.username, password: person.password });
  await client.unlockKeys({ password: person.password });
  // Default transports: long-polling first, then the upgrade to WebSocket, both through nginx.
  const socket = connectSocket(client, {
    socketOptions: { ca: topology.ca, reconnectionDelay: 100, reconnectionDelayMax: 1_000 },
  });
  const messenger = client.messenger(socket, { ackTimeoutMs: 5_000, retryDelayMs: 100 });
  const received: ReceivedMessage[] = [];
  const sendAttempts = new Map<string, string[]>();
  messenger.on('message', (message) => received.push(message));
  socket.onAnyOutgoing((event: string, input: unknown) => {
    if (event !== 'message:send') return;
    const envelope = (input as { envelope: { header: { msgId: string } } }).envelope;
    const attempts = sendAttempts.get(envelope.header.msgId) ?? [];
    attempts.push(JSON.stringify(envelope));
    sendAttempts.set(envelope.header.msgId, attempts);
  });
  messenger.start();
  return {
    person,
    client,
    socket,
    messenger,
    received,
    sendAttempts,
    close() {
      messenger.stop();
      socket.close();
    },
  };
}
