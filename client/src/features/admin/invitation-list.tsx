import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { InvitationView, UserView } from '../../../../shared/schemas/accounts';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { toActor } from '../../services/actor';

export function InvitationList({
  me,
  invitations,
  error,
  onChanged,
}: {
  me: UserView;
  invitations: InvitationView[] | undefined;
  error: unknown;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const actor = toActor(me);

  return (
    <section className="card" aria-labelledby="invitation-list-title">
      <h3 id="invitation-list-title">{t('admin.invitations.listTitle')}</h3>
      <FormError error={error} />
      {!invitations ? (
        <p>{t('common.loading')}</p>
      ) : invitations.length === 0 ? (
        <p>{t('admin.invitations.empty')}</p>
      ) : (
        <table data-testid="invitation-list">
          <thead>
            <tr>
              <th>{t('admin.invitations.name')}</th>
              <th>{t('admin.invitations.role')}</th>
              <th>{t('admin.invitations.state')}</th>
              <th>{t('admin.invitations.domains')}</th>
              <th>{t('admin.invitations.status')}</th>
              <th>{t('admin.invitations.expires')}</th>
              <th>{t('admin.invitations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id} data-status={invitation.status}>
                <td>
                  {invitation.displayName}
                  {invitation.note && <div className="detail">{invitation.note}</div>}
                </td>
                <td>{labels.role(invitation.role)}</td>
                <td>{labels.state(invitation.state)}</td>
                <td>{labels.domains(invitation.domains)}</td>
                <td>
                  <span className={`badge ${invitation.status}`}>{t(`invitationStatus.${invitation.status}`)}</span>
                </td>
                <td>{labels.date(invitation.expiresAt)}</td>
                <td>
                  {invitation.status === 'open' &&
                    can(actor, 'invitation:revoke', { role: invitation.role, state: invitation.state }) && (
                      <ConfirmAction
                        label={t('admin.invitations.revoke')}
                        title={t('admin.invitations.revokeTitle', { name: invitation.displayName })}
                        confirm={t('admin.invitations.confirmRevoke')}
                        onConfirm={async () => {
                          await client.invitations.revoke(invitation.id);
                          onChanged();
                        }}
                      />
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
