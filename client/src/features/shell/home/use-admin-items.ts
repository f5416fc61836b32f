import { useCallback, useMemo } from 'react';
import { can } from '../../../../../shared/authz/can';
import type { UserView } from '../../../../../shared/schemas/accounts';
import { useClient } from '../../../services/client-context';
import { mayVerify } from '../../admin/may-verify';
import { usePeopleUpdates } from '../../admin/use-people-updates';
import { useApprovalUpdates } from '../../approvals/use-approval-updates';
import { useConsensusUpdates } from '../../consensus/use-consensus-updates';
import { toActor } from '../../../services/actor';
import { adminItems, type HomeList } from './home-items';
import { useHomeSource } from './use-home-source';

/** What an admin's home may ask the server for, by can(), and whom they may verify. */
function homePermissions(user: UserView) {
  const actor = toActor(user);
  const own = { state: user.state };
  return {
    listsPeople: can(actor, 'user:list', own),
    listsApprovals: can(actor, 'approval:list', own),
    readsProposals: can(actor, 'consensus:read'),
    // The list holds everyone pending in the admin's reach; only those they may activate wait for them.
    verifies: mayVerify(actor),
  };
}

/** What waits for a national admin or the secretariat: each call only when can() allows it. */
export function useAdminItems(user: UserView): HomeList {
  const client = useClient();
  const { listsPeople, listsApprovals, readsProposals, verifies } = useMemo(() => homePermissions(user), [user]);
  const [pending, reloadPending] = useHomeSource(
    useCallback(
      () => (listsPeople ? client.users.list({ status: 'pending-verification' }) : Promise.resolve(null)),
      [client, listsPeople],
    ),
  );
  const [approvals, reloadApprovals] = useHomeSource(
    useCallback(
      () => (listsApprovals ? client.approvals.list('pending') : Promise.resolve(null)),
      [client, listsApprovals],
    ),
  );
  const [proposals, reloadProposals] = useHomeSource(
    useCallback(() => (readsProposals ? client.consensus.list() : Promise.resolve(null)), [client, readsProposals]),
  );
  // Newcomers, held exchanges and proposals come and go while home is open: their lines are read again.
  usePeopleUpdates(reloadPending, listsPeople);
  useApprovalUpdates(reloadApprovals, listsApprovals);
  useConsensusUpdates(reloadProposals, readsProposals);
  return adminItems({
    role: user.role === 'network-admin' ? 'network-admin' : 'national-admin',
    state: user.state,
    pending,
    approvals,
    proposals,
    mayVerify: verifies,
  });
}
