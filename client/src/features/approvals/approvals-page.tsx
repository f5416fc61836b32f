import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { APPROVAL_STATUSES, type ApprovalStatus, type ApprovalView } from '../../../../shared/schemas/approvals';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { useUserNames } from '../policies/use-user-names';
import { ApprovalCard } from './approval-card';
import { useApprovalUpdates } from './use-approval-updates';

/** Exchanges held by the own state's rules: the pending queue, and those settled before. */
export function ApprovalsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const [status, setStatus] = useState<ApprovalStatus>('pending');
  const [notice, setNotice] = useState<ApprovalView>();
  const name = useUserNames();
  const approvals = useLoaded(useCallback(() => client.approvals.list(status), [client, status]));
  useApprovalUpdates(approvals.reload); // exchanges held, decided on by another admin, or settled: the list follows
  const onDecided = (next: ApprovalView): void => {
    setNotice(next);
    approvals.reload();
  };
  return (
    <>
      <h2>{t('approvals.title')}</h2>
      <p>{t('approvals.intro')}</p>
      <div className="tabs" role="group" aria-label={t('approvals.show')}>
        {APPROVAL_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setNotice(undefined);
            }}
          >
            {t(`approvals.tab.${s}`)}
          </button>
        ))}
      </div>
      {notice && (
        <p className="success" role="status" data-testid="approval-notice">
          {t(`approvals.notice.${notice.status}`)}
        </p>
      )}
      <FormError error={approvals.error} />
      {!approvals.data ? (
        <p>{t('common.loading')}</p>
      ) : approvals.data.length === 0 ? (
        <p className="card" data-testid="no-approvals">
          {t(`approvals.empty.${status}`)}
        </p>
      ) : (
        approvals.data.map((approval) => (
          <ApprovalCard key={approval.id} approval={approval} me={me} name={name} onDecided={onDecided} />
        ))
      )}
    </>
  );
}
