import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAIL_LANGUAGES,
  isTimeZone,
  type MailLanguage,
  type NotificationPreferencesView,
  type NotificationSettings,
} from '../../../../shared/schemas/notifications';
import type { Role } from '../../../../shared/schemas/accounts';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { KindChoices } from './kind-choices';
import { KINDS_FOR_ROLE } from './kinds-for-role';
import { QuietHoursFields } from './quiet-hours-fields';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

function settingsOf(view: NotificationPreferencesView): NotificationSettings {
  const { enabled, language, timeZone, kinds, quietHours, digest } = view;
  return { enabled, language, timeZone, kinds, quietHours, digest };
}

/** On/off, the kinds and how each is sent, language, time zone, quiet hours, digest: saved together. */
export function SettingsForm({
  view,
  role,
  onChange,
}: {
  view: NotificationPreferencesView;
  role: Role;
  onChange: (next: NotificationPreferencesView) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState(() => settingsOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const change = (patch: Partial<NotificationSettings>): void => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const zoneValid = isTimeZone(draft.timeZone);
  const quietValid = !draft.quietHours || draft.quietHours.start !== draft.quietHours.end;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (!zoneValid || !quietValid) return;
    setBusy(true);
    setError(undefined);
    try {
      onChange(await client.notifications.save(draft));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const zone = browserZone();
  return (
    <section className="card" aria-labelledby="settings-title" data-testid="notification-settings-form">
      <h3 id="settings-title">{t('emailAlerts.settings.title')}</h3>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="checkbox">
          <input
            type="checkbox"
            name="enabled"
            checked={draft.enabled}
            onChange={(e) => change({ enabled: e.target.checked })}
          />
          {t('emailAlerts.settings.enabled')}
        </label>
        <KindChoices
          kinds={draft.kinds}
          shown={KINDS_FOR_ROLE[role]}
          alwaysEligible={view.alwaysEligible}
          onChange={(kinds) => change({ kinds })}
        />
        <QuietHoursFields
          value={draft.quietHours}
          onChange={(quietHours) => change({ quietHours })}
          error={tried && !quietValid && t('emailAlerts.settings.quietSame')}
        />
        <fieldset data-testid="digest">
          <legend>{t('emailAlerts.settings.digest')}</legend>
          <div className="row-actions">
            <select
              name="digest"
              aria-label={t('emailAlerts.settings.digest')}
              value={draft.digest.every}
              onChange={(e) =>
                change({ digest: e.target.value === 'day' ? { every: 'day', hour: 8 } : { every: 'hour' } })
              }
            >
              <option value="hour">{t('emailAlerts.settings.digestHourly')}</option>
              <option value="day">{t('emailAlerts.settings.digestDaily')}</option>
            </select>
            {draft.digest.every === 'day' && (
              <label className="inline">
                {t('emailAlerts.settings.digestHour')}
                <select
                  name="digest-hour"
                  value={draft.digest.hour}
                  onChange={(e) => change({ digest: { every: 'day', hour: Number(e.target.value) } })}
                >
                  {HOURS.map((hour) => (
                    <option key={hour} value={hour}>{`${String(hour).padStart(2, '0')}:00`}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
        </fieldset>
        <Field
          label={t('emailAlerts.settings.timeZone')}
          hint={t('emailAlerts.settings.timeZoneHint')}
          error={tried && !zoneValid && t('emailAlerts.settings.timeZoneInvalid')}
        >
          {(props) => (
            <input
              {...props}
              name="time-zone"
              value={draft.timeZone}
              onChange={(e) => change({ timeZone: e.target.value.trim() })}
            />
          )}
        </Field>
        {zone && zone !== draft.timeZone && (
          <button type="button" onClick={() => change({ timeZone: zone })}>
            {t('emailAlerts.settings.useBrowserZone', { zone })}
          </button>
        )}
        <Field label={t('emailAlerts.settings.language')}>
          {(props) => (
            <select
              {...props}
              name="language"
              value={draft.language}
              onChange={(e) => change({ language: e.target.value as MailLanguage })}
            >
              {MAIL_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`emailAlerts.languages.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError error={error} />
        {saved && (
          <p className="success" role="status">
            {t('emailAlerts.settings.saved')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('emailAlerts.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
