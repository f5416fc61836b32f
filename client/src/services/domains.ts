import { useMemo } from 'react';
import type { FocalNetClient } from '../../sdk/index';
import { SEEDED_DOMAINS, type DomainInfo } from '../../../shared/reference/domains';
import { referenceStore, useReferenceList } from './reference-store';

/** The network's domains as this tab knows them: the seeded four until the server's list (with those added by consensus) arrives. */
export const domains = referenceStore<DomainInfo>(SEEDED_DOMAINS);

/** Every domain, retired ones too: for the names of what was exchanged. */
export const useDomains = (): readonly DomainInfo[] => useReferenceList(domains);

/** The domains in use, for pickers of anything new (a retired one takes nothing new). */
export function useActiveDomains(): readonly DomainInfo[] {
  const all = useDomains();
  return useMemo(() => all.filter((domain) => domain.retiredAt === undefined), [all]);
}

/** Reads the server's list into the store, in the server's order (the order the domains were added). */
export const loadDomains = (client: FocalNetClient): Promise<void> =>
  domains.load(async () =>
    (await client.domains.list()).map(({ code, name, retiredAt }) =>
      retiredAt ? { code, name, retiredAt } : { code, name },
    ),
  );

/** The codes in the network's order; codes this tab does not know yet (its list may be older than the data) stay, after the known ones. */
export function inNetworkOrder(codes: readonly string[]): string[] {
  const known = domains
    .get()
    .map(({ code }) => code)
    .filter((code) => codes.includes(code));
  return [...known, ...codes.filter((code) => !known.includes(code)).sort()];
}
