import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { ServerMetrics } from './metrics.js';

export interface MetricsListener {
  /** e.g. http://127.0.0.1:9464 (the real port when METRICS_PORT=0). */
  url: string;
  close(): Promise<void>;
}

/**
 * The Prometheus exposition on a listener of its own (METRICS_PORT), meant for a private
 * network: GET /metrics only, 404 for anything else. No express: nothing else is served here.
 */
export async function startMetricsListener(
  metrics: ServerMetrics,
  where: { host: string; port: number },
  logger: Logger,
): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.scrape().then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics scrape failed');
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('scrape failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${where.host.includes(':') ? `[${where.host}]` : where.host}:${port}`;
  logger.info({ url }, 'metrics listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
