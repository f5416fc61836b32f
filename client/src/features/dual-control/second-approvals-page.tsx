import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { FormError } from '../../components/form-error';
import { SecondApprovalCard } from './second-approval-card';
import { useSecondApprovals } from './use-second-approvals';

/** What waits for a second person: first what the signed-in admin may decide, then the rest they can see. */
export function SecondApprovalsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const { pending, error, reload } = useSecondApprovals();
  const [notice, setNotice] = useState<DualControlRequestView>();
  const onDecided = (next: DualControlRequestView): void => {
    setNotice(next);
    reload();
  };
  const forMe = (pending ?? []).filter((request) => request.youMayDecide);
  const others = (pending ?? []).filter((request) => !request.youMayDecide);
  const card = (request: DualControlRequestView) => (
    <SecondApprovalCard key={request.id} request={request} mine={request.requestedBy === me.id} onDecided={onDecided} />
  );
  return (
    <>
      <h2>{t('dualControl.title')}</h2>
      <p>{t('dualControl.intro')}</p>
      {notice && (
        <p className="success" role="status" data-testid="second-approval-notice">
          {t(`dualControl.decided.${notice.status}`)}
        </p>
      )}
      <FormError error={error} />
      {!pending ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="needs-you">
            <h3 id="needs-you">{t('dualControl.needsYou')}</h3>
            {forMe.length === 0 ? (
              <p className="card" data-testid="nothing-for-you">
                {t('dualControl.nothingForYou')}
              </p>
            ) : (
              forMe.map(card)
            )}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="waiting-others">
              <h3 id="waiting-others">{t('dualControl.others')}</h3>
              {others.map(card)}
            </section>
          )}
        </>
      )}
    </>
  );
}
