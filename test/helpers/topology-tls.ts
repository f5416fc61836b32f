import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../client/sdk/index.js';

/** A throw-away CA and a server certificate it signed, for 127.0.0.1 and localhost. */
export interface TestCertificates {
  /** PEM of the CA: what clients trust. */
  ca: string;
  certFile: string;
  keyFile: string;
}

const openssl = (dir: string, args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
};

/** Made with the `openssl` command in `dir`; nothing is trusted system-wide. */
export function makeTestCertificates(dir: string): TestCertificates {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=FocalNet topology test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  writeFileSync(
    path.join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.crt',
  ]);
  return {
    ca: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    certFile: path.join(dir, 'server.crt'),
    keyFile: path.join(dir, 'server.key'),
  };
}

/** A fetch that trusts the test CA (in place of the system roots): TLS is still verified. */
export function fetchTrusting(ca: string): { fetch: FetchLike; close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { ca } });
  return {
    // undici's Response is the same class Node's global fetch returns; only the typings differ.
    fetch: (input, init) => undiciFetch(input, { ...init, dispatcher }) as unknown as Promise<Response>,
    close: () => dispatcher.close(),
  };
}
