import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTRICTABLE_FIELDS, type RestrictableField } from '../../../../shared/schemas/directory';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../admin/use-loaded';
import type { States } from './use-states';
import { settingsOf, sharingOf, type FieldSharing, type SharingTable } from './visibility-model';
import { VisibilityRow } from './visibility-row';

/**
 * Which fields of this state's entries other states see, under its national law. Name, authority,
 * domains, languages and keys are always visible; the server enforces the rest on every read and export.
 */
export function VisibilityEditor({ state, states }: { state: string; states: States }) {
  const { t } = useTranslation();
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.states.visibility(state), [client, state]));
  const [table, setTable] = useState<SharingTable>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setTable(sharingOf(loaded.data));
  }, [loaded.data]);

  const change = (field: RestrictableField, next: FieldSharing): void => {
    setSaved(false);
    setTable((current) => new Map(current).set(field, next));
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!table) return;
    setBusy(true);
    setError(undefined);
    try {
      setTable(sharingOf(await client.states.setVisibility(state, settingsOf(table))));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="visibility-title" data-testid="visibility-editor">
      <h3 id="visibility-title">{t('directory.visibility.title')}</h3>
      <p>{t('directory.visibility.intro')}</p>
      <FormError error={loaded.error} />
      {!table ? <p>{t('common.loading')}</p> : (
        <table className="visibility-table">
          <thead>
            <tr>
              <th>{t('directory.visibility.field')}</th>
              <th>{t('directory.visibility.sharedWith')}</th>
              <th>{t('directory.visibility.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {RESTRICTABLE_FIELDS.map((field) => <VisibilityRow key={field} field={field} sharing={table.get(field)} ownState={state} states={states} onChange={(next) => change(field, next)} />)}
          </tbody>
        </table>
      )}
      {saved && <p className="success" role="status" data-testid="visibility-saved">{t('directory.manage.saved')}</p>}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !table}>{t('directory.visibility.save')}</button>
      </div>
    </form>
  );
}
