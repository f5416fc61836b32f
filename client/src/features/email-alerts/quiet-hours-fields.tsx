import { useTranslation } from 'react-i18next';
import type { QuietHours } from '../../../../shared/schemas/notifications';

const DEFAULT_QUIET: QuietHours = { start: '22:00', end: '07:00' };

/** Quiet hours on or off, and from when until when (local time of the chosen zone). */
export function QuietHoursFields({
  value,
  onChange,
  error,
}: {
  value: QuietHours | null;
  onChange: (next: QuietHours | null) => void;
  error: string | false;
}) {
  const { t } = useTranslation();
  return (
    <fieldset data-testid="quiet-hours">
      <legend>{t('emailAlerts.settings.quiet')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          name="quiet"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? DEFAULT_QUIET : null)}
        />
        {t('emailAlerts.settings.quietOn')}
      </label>
      {value && (
        <div className="row-actions">
          <label>
            {t('emailAlerts.settings.quietFrom')}
            <input
              type="time"
              name="quiet-start"
              required
              value={value.start}
              onChange={(e) => onChange({ ...value, start: e.target.value })}
            />
          </label>
          <label>
            {t('emailAlerts.settings.quietTo')}
            <input
              type="time"
              name="quiet-end"
              required
              value={value.end}
              onChange={(e) => onChange({ ...value, end: e.target.value })}
            />
          </label>
        </div>
      )}
      <p className="hint">{t('emailAlerts.settings.quietHint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
