import {
  connectSocket,
  type FocalNetClient,
  type FocalNetSocket,
  type Messenger,
  type ReceivedMessage,
  type RejectedEnvelope,
  type ReadReceipt,
} from '../../client/sdk/index.js';
import type { TestServer } from './test-server.js';

/** An SDK client with a socket and a started messenger, collecting everything it is told. */
export interface SdkMessaging {
  client: FocalNetClient;
  socket: FocalNetSocket;
  messenger: Messenger;
  received: ReceivedMessage[];
  receipts: ReadReceipt[];
  rejected: RejectedEnvelope[];
  statuses: { id: string; status: string; userId?: string | undefined }[];
}

/** Envelope timestamps follow the test server's clock, which tests move forward. */
export function sdkMessaging(t: TestServer, client: FocalNetClient): SdkMessaging {
  const socket = connectSocket(client, {
    socketOptions: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
  const messenger = client.messenger(socket, {
    now: () => t.clock.now().getTime(),
    ackTimeoutMs: 3_000,
    retryDelayMs: 100,
  });
  const box: SdkMessaging = { client, socket, messenger, received: [], receipts: [], rejected: [], statuses: [] };
  messenger.on('message', (message) => box.received.push(message));
  messenger.on('receipt', (receipt) => box.receipts.push(receipt));
  messenger.on('rejected', (rejected) => box.rejected.push(rejected));
  messenger.on('status', (event) => box.statuses.push({ id: event.id, status: event.status, userId: event.userId }));
  messenger.start();
  return box;
}
