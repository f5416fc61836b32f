/**
 * Using the SDK from Node: sign in as a focal point, unlock the keys, send one end-to-end
 * encrypted message (optionally with a file) and wait for "delivered"; print what arrives.
 *
 *   FOCALNET_URL=https://focalnet.example FOCALNET_USERNAME=fp.kz FOCALNET_PASSWORD=… \
 *   FOCALNET_TOTP=123456 FOCALNET_TO=<recipient user id> FOCALNET_FILE=./scan.pdf \
 *   npx tsx scripts/examples/sdk-send-message.ts "Passport KZ0001234 reported stolen"
 *
 * test/integration/client-sdk/sdk-example.test.ts runs `sendMessageExample` against a test server.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  connectSocket,
  createFocalNetClient,
  type FocalNetClientOptions,
  type SentMessage,
} from '../../client/sdk/index.js';
import type { Labels } from '../../shared/schemas/labels.js';

export interface ExampleInput {
  baseUrl: string;
  username: string;
  password: string;
  totp?: string;
  /** Recipient user ids, e.g. from `client.directory.search({ domain: 'border', states: ['KG'] })`. */
  to: string[];
  text: string;
  file?: { name: string; bytes: Uint8Array };
  labels?: Labels;
  /** Stop waiting for "delivered" after this long; default 30 s. */
  waitMs?: number;
  /** Tests pass their clock here. */
  clientOptions?: Partial<FocalNetClientOptions>;
  now?: () => number;
  log?: (line: string) => void;
}

export async function sendMessageExample(input: ExampleInput): Promise<{ sent: SentMessage; delivered: boolean }> {
  const log = input.log ?? console.log;
  const client = createFocalNetClient({ baseUrl: input.baseUrl, ...input.clientOptions });
  await client.signIn({
    username: input.username,
    password: input.password,
    ...(input.totp ? { totp: input.totp } : {}),
  });
  await client.unlockKeys({ password: input.password });

  const socket = connectSocket(client);
  const messenger = client.messenger(socket, input.now ? { now: input.now } : {});
  messenger.on('message', (message) => log(`from ${message.from.userId} (${message.from.state}): ${message.text}`));
  messenger.on('rejected', (rejected) => log(`refused an envelope from ${rejected.from}: ${rejected.code}`));
  messenger.on('key-changed', (change) => log(`the key of ${change.userId} changed: compare the safety number`));
  messenger.start();
  try {
    const labels = input.labels ?? {
      domain: 'border',
      category: 'general',
      classification: 'restricted',
      handling: 'H1',
    };
    const sent = await messenger.send({
      to: input.to,
      labels,
      text: input.text,
      ...(input.file ? { attachments: [{ name: input.file.name, bytes: input.file.bytes }] } : {}),
    });
    log(`sent ${sent.msgId} as ${sent.id}: ${sent.status}`);
    const delivered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), input.waitMs ?? 30_000);
      messenger.on('status', (event) => {
        if (event.id === sent.id && event.status === 'delivered') {
          clearTimeout(timer);
          log(`delivered to ${event.userId ?? 'a recipient'}`);
          resolve(true);
        }
      });
    });
    return { sent, delivered };
  } finally {
    messenger.stop();
    socket.close();
    await client.signOut();
  }
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`set ${name}`);
    return value;
  };
  const filePath = process.env.FOCALNET_FILE;
  const { delivered } = await sendMessageExample({
    baseUrl: env('FOCALNET_URL'),
    username: env('FOCALNET_USERNAME'),
    password: env('FOCALNET_PASSWORD'),
    ...(process.env.FOCALNET_TOTP ? { totp: process.env.FOCALNET_TOTP } : {}),
    to: env('FOCALNET_TO').split(','),
    text: process.argv[2] ?? 'Hello from the FocalNet SDK',
    ...(filePath ? { file: { name: path.basename(filePath), bytes: new Uint8Array(await readFile(filePath)) } } : {}),
  });
  process.exitCode = delivered ? 0 : 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
