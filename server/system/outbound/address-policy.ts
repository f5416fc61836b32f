import { BlockList, isIP } from 'node:net';

/**
 * Which addresses the server may connect to on behalf of someone else (webhook endpoints):
 * public unicast only, so a registered URL cannot reach the server itself, the machines beside
 * it or a cloud metadata service (server-side request forgery). An operator may open chosen
 * networks (WEBHOOK_ALLOWED_NETWORKS), e.g. a national system on a private line.
 */
const FORBIDDEN: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address (RFC 1918)'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address (RFC 6598)'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'ipv4', 'a private address (RFC 1918)'],
  ['192.0.0.0', 24, 'ipv4', 'an IETF protocol address'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address (RFC 1918)'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved or broadcast address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  // Mapped forms are judged as the IPv4 address they carry (unmapped below); any other form is refused.
  ['::ffff:0:0', 96, 'ipv6', 'an IPv4-mapped address'],
  ['64:ff9b:1::', 48, 'ipv6', 'a local translation address'],
  ['100::', 64, 'ipv6', 'a discard-only address'],
  ['2001:db8::', 32, 'ipv6', 'a documentation address'],
  ['fc00::', 7, 'ipv6', 'a unique local address (private)'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

export interface AddressPolicy {
  /** Undefined when the server may connect to `address` (an IP literal); otherwise why not, in words. */
  refusal(address: string): string | undefined;
}

/** A CIDR such as `127.0.0.0/8` or `fd00::/8`: true when well-formed. */
export function isCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (address === undefined || prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return false;
  const family = isIP(address);
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The policy: everything forbidden above is refused unless inside one of `allowedCidrs`. */
export function addressPolicy(allowedCidrs: readonly string[]): AddressPolicy {
  const allowed = new BlockList();
  for (const cidr of allowedCidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    allowed.addSubnet(address, Number(prefix), isIP(address) === 4 ? 'ipv4' : 'ipv6');
  }
  const forbidden = FORBIDDEN.map(([network, prefix, family, why]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, family, why };
  });
  return {
    refusal(raw) {
      const address = unmapped(raw);
      const family = isIP(address) === 4 ? 'ipv4' : isIP(address) === 6 ? 'ipv6' : undefined;
      if (!family) return `${raw} is not an IP address`;
      if (allowed.check(address, family)) return undefined;
      const hit = forbidden.find((range) => range.family === family && range.list.check(address, family));
      return hit ? `${raw} is ${hit.why}` : undefined;
    },
  };
}

/** `::ffff:127.0.0.1` (or `::ffff:7f00:1`, as URLs write it) is 127.0.0.1: judged as the IPv4 address it carries. */
function unmapped(address: string): string {
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted?.[1]) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex?.[1] || !hex[2]) return address;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
