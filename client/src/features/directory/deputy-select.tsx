import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';

/** The deputy is another focal point of the same state (the server checks it too). */
export function DeputySelect({
  state,
  selfId,
  value,
  onChange,
  error,
}: {
  state: string;
  selfId: string;
  value: string;
  onChange: (userId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { language } = useLabels();
  const colleagues = useLoaded(
    useCallback(() => client.directory.search({ states: [state], pageSize: 100 }), [client, state]),
  );
  const options = (colleagues.data?.entries ?? []).filter((entry) => entry.userId !== selfId);
  return (
    <Field label={t('directory.fields.deputy')} hint={t('directory.form.deputyHint')} error={error}>
      {(field) => (
        <select {...field} name="deputyUserId" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('directory.form.noDeputy')}</option>
          {/* Keep a current deputy selectable even if the search no longer lists them. */}
          {value && !options.some((o) => o.userId === value) && (
            <option value={value}>{t('directory.form.currentDeputy')}</option>
          )}
          {options.map((entry) => (
            <option key={entry.userId} value={entry.userId}>
              {(language === 'ru' && entry.name.ru) || entry.name.en}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
