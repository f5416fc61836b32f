import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { toActor } from '../account/actor';
import { useLoaded } from '../admin/use-loaded';

/** On a national admin's home: open network decisions on which their state has said nothing yet. */
export function AwaitingDecisions({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const mayRespond = user.state !== null && can(toActor(user), 'consensus:respond', { state: user.state });
  const proposals = useLoaded(useCallback(() => (mayRespond ? client.consensus.list() : Promise.resolve([])), [client, mayRespond]));
  const awaiting = (proposals.data ?? []).filter((p) => p.status === 'open' && user.state !== null && p.electorate.includes(user.state) && !p.positions.some((position) => position.state === user.state));
  if (awaiting.length === 0) return null;
  return (
    <section className="card warning" data-testid="awaiting-decisions">
      <p>{t('consensus.awaiting', { count: awaiting.length })} <Link to="/decisions">{t('consensus.nav')}</Link></p>
    </section>
  );
}
