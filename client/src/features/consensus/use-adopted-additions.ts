import { useEffect } from 'react';
import type { ProposalView } from '../../../../shared/schemas/consensus';
import { useClient } from '../../services/client-context';
import { domains, loadDomains } from '../../services/domains';
import { loadMemberStates, memberStates } from '../../services/member-states';
import type { NamedEntry, ReferenceStore } from '../../services/reference-store';

const knows = (store: ReferenceStore<NamedEntry>, code: string): boolean =>
  store.get().some((entry) => entry.code === code);
const namedAs = (store: ReferenceStore<NamedEntry>, code: string, name: NamedEntry['name']): boolean =>
  store.get().some((entry) => entry.code === code && entry.name.en === name.en && entry.name.ru === name.ru);

/**
 * A state admitted, or a domain added, renamed or retired, since this tab read those lists: read
 * them again, so pickers offer it under its adopted names (a domain's latest rename counts), or no
 * longer offer it.
 */
export function useAdoptedAdditions(proposals: readonly ProposalView[] | undefined): void {
  const client = useClient();
  const adopted = (proposals ?? [])
    .filter(({ status }) => status === 'adopted')
    .sort((a, b) => (a.settledAt ?? '').localeCompare(b.settledAt ?? ''))
    .map(({ change }) => change);
  const latestNames = new Map(
    adopted.flatMap((change) =>
      change.kind === 'rename-domain' ? [[change.domain.code, change.domain.name] as const] : [],
    ),
  );
  const newState = adopted.some((change) => change.kind === 'admit-state' && !knows(memberStates, change.state.code));
  const retired = (code: string): boolean =>
    domains.get().some((entry) => entry.code === code && entry.retiredAt !== undefined);
  const newDomain =
    adopted.some((change) => change.kind === 'add-domain' && !knows(domains, change.domain.code)) ||
    adopted.some((change) => change.kind === 'retire-domain' && !retired(change.domain.code)) ||
    [...latestNames].some(([code, name]) => !namedAs(domains, code, name));
  useEffect(() => {
    if (newState) void loadMemberStates(client);
  }, [newState, client]);
  useEffect(() => {
    if (newDomain) void loadDomains(client);
  }, [newDomain, client]);
}
