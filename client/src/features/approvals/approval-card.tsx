import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { ApprovalView } from '../../../../shared/schemas/approvals';
import { useNow } from '../../hooks/use-now';
import { toActor } from '../../services/actor';
import { usePolicyLabels } from '../policies/use-policy-labels';
import { ApprovalSender } from './approval-sender';
import { DecideForm } from './decide-form';
import { HeldContent } from './held-content';

/** One held exchange: who, to whom, labels, the rules that held it, the decisions so far; while pending, its content decrypted here. */
export function ApprovalCard({
  approval,
  me,
  name,
  onDecided,
}: {
  approval: ApprovalView;
  me: UserView;
  name: (userId: string) => string;
  onDecided: (next: ApprovalView) => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const now = useNow();
  const state = me.state ?? '';
  const mine = approval.decisions.find((decision) => decision.state === state);
  const canDecide =
    approval.status === 'pending' &&
    mine === undefined &&
    approval.pendingStates.includes(state) &&
    can(toActor(me), 'approval:decide', { state, id: approval.fromUserId });
  const { labels } = approval;
  return (
    <article className="card approval" data-testid="approval" data-id={approval.id} data-status={approval.status}>
      <h3>
        {t('approvals.route', {
          from: l.state(approval.fromState),
          to: approval.toStates.map((s) => l.state(s)).join(', '),
        })}{' '}
        <span className={`badge approval-${approval.status}`}>{t(`approvals.status.${approval.status}`)}</span>
      </h3>
      <ApprovalSender userId={approval.fromUserId} />
      <dl className="facts compact">
        <dt>{t('approvals.labels')}</dt>
        <dd>
          {[
            l.domain(labels.domain),
            l.category(labels.category),
            l.classification(labels.classification),
            labels.handling,
          ].join(' · ')}
        </dd>
        <dt>{t('approvals.kind')}</dt>
        <dd>{l.kind(approval.kind)}</dd>
        {approval.status === 'pending' && approval.holdingStates.includes(state) && approval.fromUserId !== me.id && (
          <HeldContent approvalId={approval.id} />
        )}
        <dt>{t('approvals.heldBy')}</dt>
        <dd>
          <ul className="plain">
            {approval.holds.map((hold) => (
              <li key={`${hold.state}/${hold.direction}/${hold.ruleId}`} data-testid="hold">
                {t('approvals.hold', {
                  state: l.state(hold.state),
                  direction: l.ruleDirection(hold.direction),
                  rule: hold.ruleId,
                  version: hold.policyVersion,
                })}
              </li>
            ))}
          </ul>
        </dd>
        {approval.status === 'pending' && (
          <>
            <dt>{t('approvals.waitingFor')}</dt>
            <dd>{approval.pendingStates.map((s) => l.state(s)).join(', ')}</dd>
          </>
        )}
        {approval.decisions.length > 0 && (
          <>
            <dt>{t('approvals.decisions')}</dt>
            <dd>
              <ul className="plain">
                {approval.decisions.map((d) => (
                  <li key={`${d.state}-${d.userId}`}>
                    {t(`approvals.verdict.${d.verdict}`, {
                      state: l.state(d.state),
                      name: name(d.userId),
                      date: l.date(d.at),
                    })}
                    {d.comment !== null && (
                      <>
                        {' '}
                        — <q>{d.comment}</q>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('approvals.created')}</dt>
        <dd>{l.date(approval.createdAt)}</dd>
        {approval.settledAt === null ? (
          <>
            <dt>{t('approvals.expires')}</dt>
            <dd>
              {l.date(approval.expiresAt)} <span className="hint">({l.relative(approval.expiresAt, now)})</span>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('approvals.settled')}</dt>
            <dd>{l.date(approval.settledAt)}</dd>
          </>
        )}
      </dl>
      {canDecide && <DecideForm approval={approval} onDecided={onDecided} />}
      {approval.status === 'pending' && mine !== undefined && <p className="hint">{t('approvals.alreadyDecided')}</p>}
      {approval.status === 'pending' && mine === undefined && approval.fromUserId === me.id && (
        <p className="hint">{t('approvals.ownExchange')}</p>
      )}
    </article>
  );
}
