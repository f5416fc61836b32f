import { useEffect } from 'react';
import type { ProposalView } from '../../../../shared/schemas/consensus';
import { useClient } from '../../services/client-context';
import { domains, loadDomains } from '../../services/domains';
import { loadMemberStates, memberStates } from '../../services/member-states';
import type { NamedEntry, ReferenceStore } from '../../services/reference-store';

const knows = (store: ReferenceStore<NamedEntry>, code: string): boolean => store.get().some((entry) => entry.code === code);

/**
 * A state admitted or a domain added since this tab read those lists: read them again, so
 * pickers offer it.
 */
export function useAdoptedAdditions(proposals: readonly ProposalView[] | undefined): void {
  const client = useClient();
  const adopted = (proposals ?? []).filter(({ status }) => status === 'adopted').map(({ change }) => change);
  const newState = adopted.some((change) => change.kind === 'admit-state' && !knows(memberStates, change.state.code));
  const newDomain = adopted.some((change) => change.kind === 'add-domain' && !knows(domains, change.domain.code));
  useEffect(() => {
    if (newState) void loadMemberStates(client);
  }, [newState, client]);
  useEffect(() => {
    if (newDomain) void loadDomains(client);
  }, [newDomain, client]);
}
