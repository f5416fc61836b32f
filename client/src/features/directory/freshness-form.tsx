import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DirectorySettings } from '../../../../shared/schemas/directory';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';

/** The secretariat's freshness period: an entry not reconfirmed within it is marked stale. */
export function FreshnessForm() {
  const { t } = useTranslation();
  const client = useClient();
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState<number>();
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    client.directory.freshnessDays().then((current) => live && setDays((typed) => typed || String(current)), (caught: unknown) => live && setError(caught));
    return () => {
      live = false;
    };
  }, [client]);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = DirectorySettings.safeParse({ freshnessDays: Number(days) });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      setSaved(await client.directory.setFreshnessDays(parsed.data.freshnessDays));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} aria-labelledby="freshness-title" noValidate data-testid="freshness-form">
      <h3 id="freshness-title">{t('directory.manage.freshnessTitle')}</h3>
      <p>{t('directory.manage.freshnessIntro')}</p>
      <Field label={t('directory.manage.freshnessDays')} hint={t('directory.manage.freshnessHint')} error={invalid && t('directory.manage.freshnessInvalid')}>
        {(field) => <input {...field} name="freshnessDays" type="number" min={7} max={3650} step={1} value={days} onChange={(e) => setDays(e.target.value)} required />}
      </Field>
      {saved !== undefined && <p className="success" role="status">{t('directory.manage.freshnessSaved', { count: saved })}</p>}
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>{t('directory.manage.saveFreshness')}</button>
    </form>
  );
}
