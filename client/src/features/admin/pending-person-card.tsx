import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { SafetyNumberView } from '../verification/safety-number-view';

/**
 * One person waiting: the safety number between this admin and them, and activation bound to
 * the key version whose number was compared (the server refuses it if the keys changed since).
 */
export function PendingPersonCard({
  me,
  person,
  onActivated,
}: {
  me: UserView;
  person: UserView;
  onActivated: (person: UserView) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const allowed = can(toActor(me), 'user:activate', { id: person.id, role: person.role, state: person.state });
  const verifier =
    person.role === 'focal-point'
      ? `${labels.role('national-admin')} · ${labels.state(person.state)}`
      : labels.role('network-admin');

  const activate = async (keyVersion: number): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onActivated(await client.users.activate(person.id, { keyVersion, safetyNumberCompared: true }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <article className="card person" data-testid="pending-person" data-username={person.username}>
      <h3>
        {person.displayName} <span className="detail">({person.username})</span>
      </h3>
      <p className="detail">
        {labels.role(person.role)} · {labels.state(person.state)}
        {person.domains.length > 0 && <> · {labels.domains(person.domains)}</>}
        {' · '}
        {t('admin.pending.registered', { date: labels.date(person.createdAt) })}
      </p>
      {!person.keys || !me.keys ? (
        <p className="warning">{t('admin.pending.noKeys')}</p>
      ) : (
        <>
          <SafetyNumberView
            me={{ userId: me.id, identityKey: me.keys.identityKey }}
            them={{ userId: person.id, identityKey: person.keys.identityKey }}
          />
          <FormError error={error} />
          {allowed ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void activate(person.keys?.keyVersion ?? 0)}
            >
              {t('admin.pending.activate')}
            </button>
          ) : (
            <p className="hint">{t('admin.pending.verifiedBy', { who: verifier })}</p>
          )}
        </>
      )}
    </article>
  );
}
