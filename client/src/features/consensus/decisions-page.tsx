import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { ProposalCard } from './proposal-card';
import { ProposeForm } from './propose-form';
import { useAdoptedAdditions } from './use-adopted-additions';
import { useConsensusUpdates } from './use-consensus-updates';

/** Network-wide decisions: the secretariat proposes, each member state's national admins respond. */
export function DecisionsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const proposals = useLoaded(useCallback(() => client.consensus.list(), [client]));
  // Another admin proposed, a state answered, a proposal ended: read the list again.
  useConsensusUpdates(proposals.reload);
  useAdoptedAdditions(proposals.data);
  return (
    <>
      <h2>{t('consensus.title')}</h2>
      <p>{t('consensus.intro')}</p>
      {me.role === 'network-admin' && <ProposeForm onProposed={proposals.reload} />}
      <h3>{t('consensus.list.title')}</h3>
      <FormError error={proposals.error} />
      {!proposals.data ? (
        <p>{t('common.loading')}</p>
      ) : proposals.data.length === 0 ? (
        <p className="card" data-testid="no-proposals">
          {t('consensus.list.empty')}
        </p>
      ) : (
        proposals.data.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} me={me} onChanged={proposals.reload} />
        ))
      )}
    </>
  );
}
