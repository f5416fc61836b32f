import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedAddress } from './checked-address.js';

export interface PostResult {
  status: number;
  durationMs: number;
}

/** Reading more of a receiver's answer serves nobody: its status is all a delivery needs. */
const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs `body` to `url`, connecting only to `to` (already checked; the URL's host still names
 * the TLS server and the Host header). Redirects are not followed (a 3xx is just a status), the
 * answer is read up to 4 KiB, and the whole exchange is given up after `timeoutMs`.
 */
export function postJson(
  url: URL,
  to: CheckedAddress,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: to.address, family: to.family }]);
    else callback(null, to.address, to.family);
  };
  const options: RequestOptions = {
    method: 'POST',
    lookup: pinned,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    signal: AbortSignal.timeout(timeoutMs),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res) => {
      let read = 0;
      const done = () => resolve({ status: res.statusCode ?? 0, durationMs: Math.round(performance.now() - started) });
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', (error: Error) =>
      reject(
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? new Error(`no answer within ${timeoutMs} ms`)
          : error,
      ),
    );
    req.end(body);
  });
}
