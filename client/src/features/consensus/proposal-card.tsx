import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { Position, ProposalView } from '../../../../shared/schemas/consensus';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useLabels } from '../../components/use-labels';
import { useNow } from '../../hooks/use-now';
import { useClient } from '../../services/client-context';
import { describeChange } from './describe-change';

/** One proposal: the change, the procedure, each state's position, and what I may do about it. */
export function ProposalCard({
  proposal,
  me,
  onChanged,
}: {
  proposal: ProposalView;
  me: UserView;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const now = useNow();
  const client = useClient();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const open = proposal.status === 'open';
  const mine = proposal.positions.find((p) => p.state === me.state);
  // A document for comment is answered on its own page (comments and objections are sealed there).
  const isDocument = proposal.change.kind === 'adopt-document';
  const mayRespond =
    !isDocument && open && me.role === 'national-admin' && me.state !== null && proposal.electorate.includes(me.state);
  const silent =
    proposal.electorate.length - proposal.positions.filter((p) => proposal.electorate.includes(p.state)).length;
  const change = describeChange(proposal.change, t, labels.language);

  const act = async (run: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await run();
      setComment('');
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const respond = (position: Position): Promise<void> =>
    act(() =>
      client.consensus.takePosition(proposal.id, { position, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    );
  /** For the dialogs: a failure stays in the dialog, which shows it. */
  const confirmed = async (run: () => Promise<unknown>): Promise<void> => {
    await run();
    setComment('');
    onChanged();
  };

  return (
    <article className="card proposal" data-testid="proposal" data-id={proposal.id} data-status={proposal.status}>
      <h4>
        {change} <span className={`badge ${proposal.status}`}>{t(`consensus.status.${proposal.status}`)}</span>
      </h4>
      <p className="hint">
        {t(`consensus.procedure.${proposal.procedure}`)} ·{' '}
        {t('consensus.card.deadline', { at: labels.date(proposal.deadline) })}
        {open && ` (${labels.relative(proposal.deadline, now)})`} ·{' '}
        {t('consensus.card.proposed', { at: labels.date(proposal.proposedAt) })}
      </p>
      <p className="rationale">{proposal.rationale}</p>
      {isDocument && (
        <p>
          <Link to={`/documents/${proposal.id}`}>{t('documents.nav')} →</Link>
        </p>
      )}
      {proposal.outcome && (
        <p data-testid="proposal-outcome">
          <strong>{t(`consensus.outcome.${proposal.outcome}`)}</strong>
          {proposal.settledAt && ` (${labels.date(proposal.settledAt)})`}
        </p>
      )}
      {proposal.withdrawalReason && (
        <p data-testid="withdrawal-reason">{t('consensus.withdrawalReason', { reason: proposal.withdrawalReason })}</p>
      )}
      <table className="positions">
        <caption>
          {t('consensus.card.positions', {
            given: proposal.positions.length,
            silent,
            total: proposal.electorate.length,
          })}
        </caption>
        <tbody>
          {proposal.positions.map((p) => (
            <tr key={p.state} data-testid="position" data-state={p.state} data-position={p.position}>
              <td>{labels.state(p.state)}</td>
              <td>
                <span className={`badge position-${p.position}`}>{t(`consensus.position.${p.position}`)}</span>
              </td>
              <td>{p.comment ?? ''}</td>
              <td className="hint">{labels.date(p.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayRespond && (
        <div className="respond" data-testid="respond">
          <p>
            {mine
              ? t('consensus.respond.current', { position: t(`consensus.position.${mine.position}`) })
              : t('consensus.respond.none')}
          </p>
          <label>
            {t('consensus.respond.comment')}
            <input name="comment" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="button" disabled={busy} onClick={() => void respond('approve')}>
            {t('consensus.respond.approve')}
          </button>{' '}
          <ConfirmAction
            className="secondary"
            disabled={busy}
            label={t('consensus.respond.object')}
            title={t('consensus.confirmObject.title')}
            confirm={t(`consensus.confirmObject.${proposal.procedure}`)}
            reasonLabel={t('consensus.confirmObject.reason')}
            initialReason={comment}
            onConfirm={(reason) =>
              confirmed(() => client.consensus.takePosition(proposal.id, { position: 'object', comment: reason ?? '' }))
            }
          />
        </div>
      )}
      {open && me.role === 'network-admin' && (
        <ConfirmAction
          className="secondary"
          disabled={busy}
          label={t('consensus.withdraw')}
          title={t('consensus.confirmWithdraw.title')}
          confirm={t('consensus.confirmWithdraw.confirm')}
          reasonLabel={t('consensus.confirmWithdraw.reason')}
          onConfirm={(reason) => confirmed(() => client.consensus.withdraw(proposal.id, reason ? { reason } : {}))}
        />
      )}
      <FormError error={error} />
    </article>
  );
}
