import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import type { EntryDraft } from './entry-form-model';
import { weekdayName } from './working-hours';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Fixed working hours (or none): weekdays and a from–to time, in the entry's time zone. */
export function HoursEditor({
  draft,
  onChange,
  errorOf,
}: {
  draft: Pick<EntryDraft, 'hasHours' | 'days' | 'from' | 'to'>;
  onChange: (patch: Partial<EntryDraft>) => void;
  errorOf: (key: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useLabels();
  const toggle = (day: number): void =>
    onChange({ days: draft.days.includes(day) ? draft.days.filter((d) => d !== day) : [...draft.days, day] });
  const daysError = errorOf('workingHours.days');
  const timeError = errorOf('workingHours.from') ?? errorOf('workingHours.to');
  return (
    <fieldset className="hours-editor">
      <legend>{t('directory.fields.workingHours')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          name="hasHours"
          checked={draft.hasHours}
          onChange={(e) => onChange({ hasHours: e.target.checked })}
        />
        {t('directory.form.hasHours')}
      </label>
      {draft.hasHours && (
        <>
          <div className="days" role="group" aria-label={t('directory.form.days')}>
            {DAYS.map((day) => (
              <label key={day} className="checkbox">
                <input
                  type="checkbox"
                  name="days"
                  value={day}
                  checked={draft.days.includes(day)}
                  onChange={() => toggle(day)}
                />
                {weekdayName(day, language)}
              </label>
            ))}
          </div>
          {daysError && <span className="field-error">{daysError}</span>}
          <div className="times">
            <label>
              {t('directory.form.from')}
              <input
                type="time"
                name="hours.from"
                value={draft.from}
                onChange={(e) => onChange({ from: e.target.value })}
                aria-invalid={timeError ? true : undefined}
              />
            </label>
            <label>
              {t('directory.form.to')}
              <input
                type="time"
                name="hours.to"
                value={draft.to}
                onChange={(e) => onChange({ to: e.target.value })}
                aria-invalid={timeError ? true : undefined}
              />
            </label>
          </div>
          {timeError && <span className="field-error">{timeError}</span>}
          <span className="hint">{t('directory.form.hoursHint')}</span>
        </>
      )}
    </fieldset>
  );
}
