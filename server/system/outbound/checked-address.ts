import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy.js';

/** The address a URL's host was resolved to and checked against the policy: the one to connect to. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** A host the policy refuses (or that does not resolve): the message says which address and why. */
export class AddressRefusedError extends Error {
  override readonly name = 'AddressRefusedError';
}

/**
 * Resolves `hostname` and checks every address it resolves to: one forbidden address refuses the
 * host, so a name cannot mix a public address with an internal one and let the connection pick.
 * The caller connects to the address returned, never resolving again (no DNS rebinding between
 * the check and the connection).
 */
export async function checkedAddress(hostname: string, policy: AddressPolicy): Promise<CheckedAddress> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await lookup(host, { all: true, verbatim: true }).catch((error: unknown) => {
        throw new AddressRefusedError(`${host} does not resolve (${(error as { code?: string }).code ?? 'error'})`);
      });
  const first = addresses[0];
  if (!first) throw new AddressRefusedError(`${host} does not resolve`);
  for (const { address } of addresses) {
    const refusal = policy.refusal(address);
    if (refusal) throw new AddressRefusedError(literal ? refusal : `${host} resolves to ${refusal}`);
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
