/**
 * Baseline for the relay benchmarks: a raw `ws` server that does the least a relay can do —
 * parse each JSON frame, forward it to the named recipient's socket, acknowledge to the sender.
 * No auth, no checks, no database. Client URL: ws://host:port/?id=<n>; frames
 * `{ "to": n, "seq": k, "envelope": … }` in, `{ "seq": k, "envelope": … }` and `{ "ack": k }` out.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const sockets = new Map<string, WebSocket>();
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1_000_000 });

server.on('connection', (socket, request) => {
  const id = new URL(request.url ?? '/', 'http://x').searchParams.get('id') ?? '';
  sockets.set(id, socket);
  socket.on('close', () => sockets.delete(id));
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { to: string; seq: number; envelope: unknown };
    sockets.get(String(frame.to))?.send(JSON.stringify({ seq: frame.seq, envelope: frame.envelope }));
    socket.send(JSON.stringify({ ack: frame.seq }));
  });
});
server.on('listening', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`ws relay listening at ws://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
