import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { TRAINING_FORMATS, type TrainingFormat, type TrainingRequestView } from '../../../../shared/schemas/training';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useTrainingWords } from './training-labels';

/** One training request; the host's admins accept or decline it, the requester's withdraw it while unanswered. */
export function TrainingRequestPage({ me, id }: { me: UserView; id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.training.request(id), [client, id]));
  const [changed, setChanged] = useState<TrainingRequestView>();
  const request = changed ?? loaded.data;
  const host = request !== undefined && me.role === 'national-admin' && me.state === request.hostState;
  const requester = request !== undefined && me.role === 'national-admin' && me.state === request.requestingState;
  return (
    <>
      <p>
        <Link to="/training-requests">← {t('training.request.back')}</Link>
      </p>
      <FormError error={loaded.error} />
      {request && (
        <article className="card" data-testid="training-request-details">
          <RequestFacts request={request} />
          {request.status === 'sent' && host && <AnswerForm id={request.id} onAnswered={setChanged} />}
          {request.status === 'sent' && requester && (
            <div className="actions">
              <ConfirmAction
                label={t('training.request.withdraw')}
                title={t('training.request.withdrawTitle')}
                confirm={t('training.request.withdrawConfirm')}
                className="danger"
                onConfirm={async () => setChanged(await client.training.withdraw(request.id))}
              />
            </div>
          )}
          {request.status === 'accepted' && host && (
            <p>
              <Link className="button" to={`/events/new?trainingRequest=${request.id}`} data-testid="plan-event">
                {t('training.request.plan')}
              </Link>
            </p>
          )}
        </article>
      )}
    </>
  );
}

function RequestFacts({ request }: { request: TrainingRequestView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useTrainingWords();
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <>
      <h2>
        {words.kind(request.kind)}: {request.subject}
      </h2>
      <p>
        <span className={`badge status-${request.status}`} data-testid="training-status">
          {words.status(request.status)}
        </span>
      </p>
      <dl className="training-facts">
        {row(t('training.request.requesting'), labels.state(request.requestingState))}
        {row(t('training.request.host'), labels.state(request.hostState))}
        {request.centreId &&
          row(
            t('training.request.centre'),
            <Link to={`/centres/${request.centreId}`}>{t('training.request.viewCentre')}</Link>,
          )}
        {row(t('training.request.domain'), labels.domain(request.domain))}
        {row(t('training.request.period'), `${request.period.from} – ${request.period.to}`)}
        {row(t('training.request.languages'), request.languages.join(', '))}
        {row(t('training.request.participants'), request.participants)}
        {request.notes && row(t('training.request.notes'), request.notes)}
        {row(t('training.request.sentAt'), labels.date(request.createdAt))}
        {request.answeredAt && row(t('training.request.answeredAt'), labels.date(request.answeredAt))}
        {request.proposedPeriod &&
          row(t('training.request.proposedPeriod'), `${request.proposedPeriod.from} – ${request.proposedPeriod.to}`)}
        {request.format && row(t('training.request.format'), words.format(request.format))}
        {request.declineReason && row(t('training.request.reason'), request.declineReason, 'decline-reason')}
        {request.eventId && row(t('training.request.event'), request.eventId)}
      </dl>
    </>
  );
}

function AnswerForm({ id, onAnswered }: { id: string; onAnswered: (request: TrainingRequestView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const words = useTrainingWords();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<TrainingFormat | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const accept = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onAnswered(
        await client.training.accept(id, {
          ...(from && to ? { proposedPeriod: { from, to } } : {}),
          ...(format ? { format } : {}),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="answer" data-testid="answer-training">
      <legend>{t('training.request.acceptTitle')}</legend>
      <div className="period">
        <label>
          {t('training.request.proposeFrom')}
          <input type="date" name="proposed-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('training.request.proposeTo')}
          <input type="date" name="proposed-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('training.request.proposeFormat')}
          <select name="format" value={format} onChange={(e) => setFormat(e.target.value as TrainingFormat)}>
            <option value="">{t('training.request.anyFormat')}</option>
            {TRAINING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {words.format(f)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void accept()} data-testid="accept-training">
          {t('training.request.accept')}
        </button>
        <ConfirmAction
          label={t('training.request.decline')}
          title={t('training.request.declineTitle')}
          confirm={t('training.request.declineConfirm')}
          reasonLabel={t('training.request.declineReason')}
          reasonHint={t('training.request.declineHint')}
          className="danger"
          onConfirm={async (reason) => onAnswered(await client.training.decline(id, reason ?? ''))}
        />
      </div>
    </fieldset>
  );
}
