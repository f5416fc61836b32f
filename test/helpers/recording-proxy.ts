import net from 'node:net';

/** Every byte both ways through a TCP proxy: HTTP requests, headers, bodies and socket frames alike. */
export interface RecordingProxy {
  url: string;
  /** Client → server bytes so far. */
  sent(): Buffer;
  /** Server → client bytes so far. */
  received(): Buffer;
  close(): Promise<void>;
}

/** A plain TCP relay in front of `target` (http://127.0.0.1:port) on a free port of its own. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const { hostname, port } = new URL(target);
  const up: Buffer[] = [];
  const down: Buffer[] = [];
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    open.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      up.push(Buffer.from(chunk));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      down.push(Buffer.from(chunk));
      client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent: () => Buffer.concat(up),
    received: () => Buffer.concat(down),
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The forms a secret could travel in: raw, base64, base64url, hex (both cases), URL-encoded, UTF-16. */
export function encodingsOf(secret: Buffer | string): Buffer[] {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  const forms = [
    bytes,
    Buffer.from(bytes.toString('base64')),
    Buffer.from(bytes.toString('base64').replace(/=+$/, '')),
    Buffer.from(bytes.toString('base64url')),
    Buffer.from(bytes.toString('hex')),
    Buffer.from(bytes.toString('hex').toUpperCase()),
  ];
  if (typeof secret === 'string') forms.push(Buffer.from(encodeURIComponent(secret)), Buffer.from(secret, 'utf16le'));
  // A base64 text of a secret inside a longer value starts at another offset: its 3 shifted forms.
  for (const shift of [1, 2]) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    forms.push(Buffer.from(shifted.slice(4, shifted.length - 4)));
  }
  return forms;
}

/** Which of the secret's encodings appear in `haystack` (empty: none). */
export function foundEncodings(haystack: Buffer, secret: Buffer | string): string[] {
  return encodingsOf(secret)
    .filter((form) => form.length >= 8 && haystack.includes(form))
    .map((form) => form.toString('latin1').slice(0, 24));
}
