import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { IssuedPasswordReset, UserView } from '../../../../shared/schemas/accounts';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { ResetLink } from './reset-link';
import { entryPath } from '../directory/entry-table';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { AwaitingNote } from '../dual-control/awaiting-note';

/**
 * One person with the actions can() allows on them: suspend (with a reason) and remove (both
 * confirmed), reactivate, a password reset link. For a national admin these wait for a second
 * approver, and while one waits the row says so instead of offering them again.
 */
export function PersonRow({
  me,
  person,
  awaiting,
  onChanged,
}: {
  me: UserView;
  person: UserView;
  awaiting?: DualControlRequestView | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [error, setError] = useState<unknown>();
  const [reset, setReset] = useState<IssuedPasswordReset>();
  const actor = toActor(me);
  const target = { id: person.id, role: person.role, state: person.state };

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  const free = awaiting === undefined;
  const canSuspend = free && person.status !== 'suspended' && can(actor, 'user:suspend', target);
  const canReactivate = free && person.status === 'suspended' && can(actor, 'user:reactivate', target);
  const canRemove = free && can(actor, 'user:remove', target);
  const canReset =
    (person.status === 'active' || person.status === 'pending-verification') &&
    person.keys !== null &&
    can(actor, 'user:reset-password', target);
  const issueReset = async (): Promise<void> => {
    setError(undefined);
    try {
      setReset(await client.users.issuePasswordReset(person.id));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <tr data-testid="person" data-username={person.username} data-status={person.status}>
      <td>
        {person.displayName}
        <div className="detail">{person.username}</div>
      </td>
      <td>{labels.role(person.role)}</td>
      <td>{labels.state(person.state)}</td>
      <td>{labels.domains(person.domains)}</td>
      <td>
        <span className={`badge ${person.status}`}>{labels.userStatus(person.status)}</span>
        {!person.recoveryKeyConfirmed && (
          <div className="detail" data-testid="recovery-not-confirmed">
            {t('admin.people.recoveryNotConfirmed')}
          </div>
        )}
        {awaiting && <AwaitingNote request={awaiting} />}
      </td>
      <td>
        <div className="row-actions">
          {canSuspend && (
            <ConfirmAction
              label={t('admin.people.suspend')}
              title={t('admin.people.suspendTitle', { name: person.displayName })}
              confirm={t('admin.people.confirmSuspend')}
              reasonLabel={t('admin.people.reason')}
              onConfirm={async (reason) => {
                await client.users.suspend(person.id, reason ?? '');
                onChanged();
              }}
            />
          )}
          {canReactivate && (
            <button type="button" onClick={() => void run(() => client.users.reactivate(person.id))}>
              {t('admin.people.reactivate')}
            </button>
          )}
          {canRemove && (
            <ConfirmAction
              label={t('admin.people.remove')}
              title={t('admin.people.removeTitle', { name: person.displayName })}
              confirm={t('admin.people.confirmRemove')}
              onConfirm={async () => {
                await client.users.remove(person.id);
                onChanged();
              }}
            />
          )}
          {can(actor, 'audit:read', { state: person.state }) && (
            <Link
              to={`/admin/audit?person=${person.id}`}
              className="button"
              aria-label={t('admin.people.personEventsOf', { name: person.displayName })}
            >
              {t('admin.people.personEvents')}
            </Link>
          )}
          {person.role === 'focal-point' &&
            person.status === 'active' &&
            me.role === 'national-admin' &&
            can(actor, 'directory:edit-entry', target) && (
              <Link
                to={entryPath(person.id)}
                className="button"
                aria-label={`${t('duty.people.away')}: ${person.displayName}`}
                data-testid="person-away"
              >
                {t('duty.people.away')}
              </Link>
            )}
          {canReset && (
            <button type="button" onClick={() => void issueReset()}>
              {t('account.resetLink.issue')}
            </button>
          )}
        </div>
        {reset && <ResetLink name={person.displayName} issued={reset} onClose={() => setReset(undefined)} />}
        <FormError error={error} />
      </td>
    </tr>
  );
}
