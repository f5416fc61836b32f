import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { Id } from '../../../../shared/schemas/accounts';
import { MAX_PARTICIPANTS, TRAINING_KINDS, type TrainingKind } from '../../../../shared/schemas/training';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { splitList, useTrainingWords } from './training-labels';

/** The centre named in `?centre=` (from a centre's page), if any. */
const centreFromQuery = (): string | undefined =>
  Id.safeParse(new URLSearchParams(window.location.search).get('centre')).data;

/** A national admin asks another state (optionally one of its centres) for a training. */
export function TrainingRequestForm({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const words = useTrainingWords();
  const domains = useActiveDomains();
  const [preset] = useState(centreFromQuery);
  const [hostState, setHost] = useState('');
  const [centreId, setCentre] = useState(preset ?? '');
  const [domain, setDomain] = useState('');
  const [subject, setSubject] = useState('');
  const [kind, setKind] = useState<TrainingKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [languages, setLanguages] = useState('');
  const [participants, setParticipants] = useState(10);
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The host's centres, to pick one; a preset centre fills in its state, first domain and languages.
  const centres = useLoaded(
    useCallback(async () => {
      const list = (await client.training.centres(hostState ? { state: hostState } : {})).centres;
      const chosen = preset ? list.find((centre) => centre.id === preset) : undefined;
      if (chosen && !hostState) {
        setHost(chosen.state);
        setDomain(chosen.domains[0] ?? '');
        setLanguages(chosen.languages.join(', '));
      }
      return list;
    }, [client, hostState, preset]),
  );
  const hostCentres = (centres.data ?? []).filter((centre) => centre.state === hostState);

  const complete = hostState && domain && kind && subject.trim() && from && to && splitList(languages).length > 0;
  const submit = async (form: FormEvent): Promise<void> => {
    form.preventDefault();
    setTried(true);
    if (!complete) return;
    setBusy(true);
    setError(undefined);
    try {
      const sent = await client.training.send({
        hostState,
        ...(centreId ? { centreId } : {}),
        domain,
        subject: subject.trim(),
        kind,
        period: { from, to },
        languages: splitList(languages).map((code) => code.toLowerCase()),
        participants,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      navigate(`/training-requests/${sent.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(form) => void submit(form)} noValidate data-testid="training-request-form">
      <h2>{t('training.requestForm.title')}</h2>
      <Field label={t('training.requestForm.host')}>
        {(field) => (
          <select
            {...field}
            name="host-state"
            value={hostState}
            onChange={(e) => {
              setHost(e.target.value);
              setCentre('');
            }}
          >
            <option value="" />
            {labels
              .sortedStates()
              .filter((state) => state.code !== me.state)
              .map((state) => (
                <option key={state.code} value={state.code}>
                  {labels.state(state.code)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={t('training.requestForm.centre')}>
        {(field) => (
          <select {...field} name="centre" value={centreId} onChange={(e) => setCentre(e.target.value)}>
            <option value="">{t('training.requestForm.noCentre')}</option>
            {hostCentres.map((centre) => (
              <option key={centre.id} value={centre.id}>
                {centre.name[labels.language] ?? centre.name.en}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.requestForm.domain')}>
        {(field) => (
          <select {...field} name="domain" value={domain} onChange={(e) => setDomain(e.target.value)}>
            <option value="" />
            {domains.map((d) => (
              <option key={d.code} value={d.code}>
                {labels.domain(d.code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.requestForm.subject')}>
        {(field) => (
          <input
            {...field}
            name="subject"
            maxLength={200}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('training.requestForm.kind')}>
        {(field) => (
          <select {...field} name="kind" value={kind} onChange={(e) => setKind(e.target.value as TrainingKind)}>
            <option value="" />
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {words.kind(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="period">
        <Field label={t('training.requestForm.from')}>
          {(field) => (
            <input {...field} name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field label={t('training.requestForm.to')}>
          {(field) => <input {...field} name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('training.requestForm.languages')} hint={t('training.requestForm.languagesHint')}>
        {(field) => (
          <input {...field} name="languages" value={languages} onChange={(e) => setLanguages(e.target.value)} />
        )}
      </Field>
      <Field label={t('training.requestForm.participants')}>
        {(field) => (
          <input
            {...field}
            name="participants"
            type="number"
            min={1}
            max={MAX_PARTICIPANTS}
            value={participants}
            onChange={(e) => setParticipants(Number(e.target.value))}
          />
        )}
      </Field>
      <Field label={t('training.requestForm.notes')} hint={t('training.requestForm.notesHint')}>
        {(field) => (
          <textarea
            {...field}
            name="notes"
            maxLength={2000}
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </Field>
      {tried && !complete && (
        <p className="field-error" role="alert">
          {t('training.requestForm.missing')}
        </p>
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('training.requestForm.send')}
        </button>
      </div>
    </form>
  );
}
