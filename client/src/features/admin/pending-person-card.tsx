import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { SafetyNumberView } from '../verification/safety-number-view';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { isAwaitingSecondApproval } from '../../../sdk/index';
import { AwaitingNote } from '../dual-control/awaiting-note';

/**
 * One person waiting: the safety number between this admin and them, and activation bound to
 * the key version whose number was compared (the server refuses it if the keys changed since).
 * A national admin's activation then waits for a second approver: the card says so and who.
 */
export function PendingPersonCard({
  me,
  person,
  awaiting,
  onActivated,
  onAsked,
}: {
  me: UserView;
  person: UserView;
  /** The activation asked for and waiting for a second approver, if any. */
  awaiting: DualControlRequestView | undefined;
  onActivated: (person: UserView) => void;
  onAsked: () => void;
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
      const result = await client.users.activate(person.id, { keyVersion, safetyNumberCompared: true });
      if (isAwaitingSecondApproval(result)) onAsked();
      else onActivated(result);
    } catch (caught) {
      setError(caught);
    } finally {
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
          {awaiting ? (
            <AwaitingNote request={awaiting} />
          ) : allowed ? (
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
