import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { Field } from '../../components/field';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** Who may stand in for `entry`: present focal points of the same state sharing a domain (the server checks again). */
function candidates(entry: EntryView, colleagues: readonly EntryView[]): EntryView[] {
  return colleagues.filter(
    (c) =>
      c.userId !== entry.userId &&
      c.kind === 'person' &&
      !c.away?.active &&
      c.domains.some((domain) => entry.domains.includes(domain)),
  );
}

export function DeputyPicker({
  entry,
  value,
  onChange,
  error,
}: {
  entry: EntryView;
  value: string;
  onChange: (userId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { language } = useLabels();
  const colleagues = useLoaded(
    useCallback(() => client.directory.search({ states: [entry.state], pageSize: 100 }), [client, entry.state]),
  );
  const options = candidates(entry, colleagues.data?.entries ?? []);
  const loaded = colleagues.data !== undefined;
  return (
    <Field
      label={t('duty.form.deputy')}
      hint={loaded && options.length === 0 ? t('duty.form.noColleagues') : t('duty.form.deputyHint')}
      error={error}
    >
      {(field) => (
        <select {...field} name="deputyUserId" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('duty.form.chooseDeputy')}</option>
          {options.map((c) => (
            <option key={c.userId} value={c.userId}>
              {(language === 'ru' && c.name.ru) || c.name.en}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
