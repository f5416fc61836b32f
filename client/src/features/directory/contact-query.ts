import { Id } from '../../../../shared/schemas/accounts';
import { DomainCode, StateCode } from '../../../../shared/schemas/labels';

/** A counterpart chosen in the directory, carried in the address to a compose page. */
export interface ContactTarget {
  userId: string;
  state: string;
  domain: DomainCode;
}

export const contactQuery = (target: ContactTarget): string =>
  `?${new URLSearchParams({ to: target.userId, state: target.state, domain: target.domain }).toString()}`;

/** The counterpart named in the address, if the address names one well-formed (else none: it is not trusted). */
export function contactFromQuery(search: string): ContactTarget | undefined {
  const params = new URLSearchParams(search);
  const userId = Id.safeParse(params.get('to')).data;
  const state = StateCode.safeParse(params.get('state')).data;
  const domain = DomainCode.safeParse(params.get('domain')).data;
  return userId && state && domain ? { userId, state, domain } : undefined;
}

/** The domain to write in: one both serve, else the counterpart's first. */
export function contactDomain(theirs: readonly DomainCode[], mine: readonly DomainCode[]): DomainCode | undefined {
  return theirs.find((domain) => mine.includes(domain)) ?? theirs[0];
}
