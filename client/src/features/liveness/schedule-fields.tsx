import { useTranslation } from 'react-i18next';
import { SCHEDULE_CADENCES } from '../../../../shared/schemas/liveness-schedule';
import { Field } from '../../components/field';

/** The schedule as typed: months between runs, hours to answer, the first run in the browser's local time. */
export interface ScheduleInput {
  everyMonths: string;
  answerHours: string;
  firstRunAt: string;
}

const DAY_MS = 86_400_000;

/** A `datetime-local` value `days` from now, at 09:00 local time. */
export function localDayAt9(days: number): string {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setHours(9, 0, 0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value (local time) as ISO, or '' when it is not a date (the schema then names the field). */
export function isoOfLocal(value: string): string {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? '' : at.toISOString();
}

export function scheduleFrom(input: ScheduleInput): unknown {
  return {
    everyMonths: Number(input.everyMonths),
    answerHours: Number(input.answerHours),
    firstRunAt: isoOfLocal(input.firstRunAt),
  };
}

/** How often, how long to answer, when first; `bad` names a field the schema refused. */
export function ScheduleFields({
  input,
  onChange,
  bad,
}: {
  input: ScheduleInput;
  onChange: (next: ScheduleInput) => void;
  bad: (field: keyof ScheduleInput) => string | false;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('liveness.schedule.cadence')} error={bad('everyMonths')}>
        {(field) => (
          <select
            {...field}
            name="every-months"
            value={input.everyMonths}
            onChange={(e) => onChange({ ...input, everyMonths: e.target.value })}
          >
            {SCHEDULE_CADENCES.map((months) => (
              <option key={months} value={String(months)}>
                {t(`liveness.schedule.every.${months}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('liveness.schedule.answerHours')}
        hint={t('liveness.schedule.answerHoursHint')}
        error={bad('answerHours')}
      >
        {(field) => (
          <input
            {...field}
            name="answer-hours"
            type="number"
            min={1}
            max={168}
            step={1}
            value={input.answerHours}
            onChange={(e) => onChange({ ...input, answerHours: e.target.value })}
            required
          />
        )}
      </Field>
      <Field
        label={t('liveness.schedule.firstRunAt')}
        hint={t('liveness.schedule.firstRunAtHint')}
        error={bad('firstRunAt')}
      >
        {(field) => (
          <input
            {...field}
            name="first-run-at"
            type="datetime-local"
            value={input.firstRunAt}
            onChange={(e) => onChange({ ...input, firstRunAt: e.target.value })}
            required
          />
        )}
      </Field>
    </>
  );
}
