import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';

/** Starts accepting connections on the configured address; resolves once listening. */
export async function listen(http: HttpServer, config: Config): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}

/** The server's own URL (with the port chosen when PORT=0); empty before it listens. */
export function listeningUrl(http: HttpServer, host: string): string {
  const address = http.address() as AddressInfo | null;
  if (!address) return '';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
