import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateProposal } from '../../../../shared/schemas/consensus';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { isoOfLocal, localDayAt9, ScheduleFields, scheduleFrom } from './schedule-fields';

/**
 * The secretariat proposes the network's schedule (or stopping it) to the member states: it binds
 * every state, so it is a network decision (silence procedure), in force once adopted.
 */
export function NetworkScheduleForm({ hasSchedule }: { hasSchedule: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [input, setInput] = useState({ everyMonths: '12', answerHours: '72', firstRunAt: localDayAt9(30) });
  const [deadline, setDeadline] = useState(localDayAt9(14));
  const [rationale, setRationale] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  const propose = async (change: unknown): Promise<void> => {
    setDone(false);
    const parsed = CreateProposal.safeParse({
      change,
      procedure: 'silence',
      deadline: isoOfLocal(deadline),
      rationale,
    });
    setInvalid(
      new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path.at(-1) ?? issue.path[0]))),
    );
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await client.consensus.propose(parsed.data);
      setDone(true);
      setRationale('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void propose({ kind: 'set-liveness-schedule', schedule: scheduleFrom(input) });
  };
  const bad = (key: string): string | false => invalid.has(key) && t('liveness.schedule.invalid');

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="network-schedule-title"
      noValidate
      data-testid="network-schedule-form"
    >
      <h3 id="network-schedule-title">{t('liveness.schedule.proposeTitle')}</h3>
      <p>{t('liveness.schedule.proposeIntro')}</p>
      <ScheduleFields input={input} onChange={setInput} bad={bad} />
      <Field label={t('liveness.schedule.deadline')} error={bad('deadline')}>
        {(field) => (
          <input
            {...field}
            name="deadline"
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            required
          />
        )}
      </Field>
      <Field label={t('liveness.schedule.rationale')} error={bad('rationale')}>
        {(field) => (
          <textarea
            {...field}
            name="rationale"
            rows={3}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            required
          />
        )}
      </Field>
      <FormError error={error} />
      {done && (
        <p className="success" role="status">
          {t('liveness.schedule.proposed')} <Link to="/decisions">{t('consensus.nav')}</Link>
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.working') : t('liveness.schedule.propose')}
        </button>
        {hasSchedule && (
          <button type="button" disabled={busy} onClick={() => void propose({ kind: 'remove-liveness-schedule' })}>
            {t('liveness.schedule.proposeRemove')}
          </button>
        )}
      </div>
    </form>
  );
}
