import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LivenessScheduleInput, type LivenessScheduleView } from '../../../../shared/schemas/liveness-schedule';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { localDayAt9, ScheduleFields, scheduleFrom, type ScheduleInput } from './schedule-fields';

const inputOf = (current: LivenessScheduleView | null): ScheduleInput =>
  current
    ? {
        everyMonths: String(current.everyMonths),
        answerHours: String(current.answerHours),
        firstRunAt: toLocal(current.firstRunAt),
      }
    : { everyMonths: '3', answerHours: '24', firstRunAt: localDayAt9(7) };

function toLocal(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A national admin sets, changes or removes their own state's schedule (no consensus: it binds only their state). */
export function StateScheduleForm({
  state,
  current,
  onChanged,
}: {
  state: string;
  current: LivenessScheduleView | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [input, setInput] = useState(() => inputOf(current));
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setDone(undefined);
    const parsed = LivenessScheduleInput.safeParse(scheduleFrom(input));
    setInvalid(new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]))));
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await client.liveness.setStateSchedule(state, parsed.data);
      setDone(t('liveness.schedule.saved', { time: labels.date(saved.nextRunAt) }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        className="card form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="state-schedule-title"
        noValidate
        data-testid="state-schedule-form"
      >
        <h3 id="state-schedule-title">
          {current ? t('liveness.schedule.changeTitle') : t('liveness.schedule.setTitle')}
        </h3>
        <ScheduleFields
          input={input}
          onChange={setInput}
          bad={(field) => invalid.has(field) && t('liveness.schedule.invalid')}
        />
        <FormError error={error} />
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.working') : t('liveness.schedule.save')}
        </button>
      </form>
      {/* Outside the form: the confirmation dialog has its own. */}
      {current && (
        <ConfirmAction
          label={t('liveness.schedule.remove')}
          title={t('liveness.schedule.remove')}
          confirm={t('liveness.schedule.removeConfirm')}
          onConfirm={async () => {
            await client.liveness.removeStateSchedule(state);
            setDone(t('liveness.schedule.removed'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
