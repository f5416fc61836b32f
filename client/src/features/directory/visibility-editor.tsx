import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTRICTABLE_FIELDS, type RestrictableField } from '../../../../shared/schemas/directory';
import type { PolicyBody } from '../../../../shared/schemas/policy';
import { isApiError } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { emptyPolicy } from '../policies/editor/policy-draft';
import type { States } from './use-states';
import { policyWithFields, sharingOf, type FieldSharing, type SharingTable } from './visibility-model';
import { VisibilityRow } from './visibility-row';

/**
 * Which fields of this state's entries other states see, under its national law. Name, authority,
 * domains, languages and keys are always visible. The table is part of the state's signed
 * disclosure policy: saving publishes its next version, signed here with the admin's identity
 * key; the server enforces it on every read, search, export and snapshot.
 */
export function VisibilityEditor({ state, states }: { state: string; states: States }) {
  const { t } = useTranslation();
  const client = useClient();
  const loadPolicy = useCallback(async (): Promise<PolicyBody> => {
    try {
      const view = await client.policies.current(state);
      if (view.scope !== 'full') throw new Error('the full policy of the own state was expected');
      return view.policy;
    } catch (caught) {
      if (isApiError(caught, 'policy.not-found')) return emptyPolicy(state);
      throw caught;
    }
  }, [client, state]);
  const loaded = useLoaded(loadPolicy);
  const [base, setBase] = useState<PolicyBody>();
  const [table, setTable] = useState<SharingTable>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<number>();
  // Each load starts the editor afresh from the policy read.
  const [editing, setEditing] = useState<PolicyBody>();
  if (loaded.data && loaded.data !== editing) {
    setEditing(loaded.data);
    setBase(loaded.data);
    setTable(sharingOf(loaded.data.directoryFields ?? []));
  }

  const change = (field: RestrictableField, next: FieldSharing): void => {
    setSaved(undefined);
    setTable((current) => new Map(current).set(field, next));
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!table || !base) return;
    setBusy(true);
    setError(undefined);
    try {
      const view = await client.policies.signAndPublish(policyWithFields(base, table));
      setBase(view.policy);
      setTable(sharingOf(view.policy.directoryFields ?? []));
      setSaved(view.policy.version);
    } catch (caught) {
      setError(caught);
      // Another admin published meanwhile: the table stays as edited, on top of their version.
      if (isApiError(caught, 'policy.version-conflict')) setBase(await loadPolicy().catch(() => base));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="visibility-title"
      data-testid="visibility-editor"
    >
      <h3 id="visibility-title">{t('directory.visibility.title')}</h3>
      <p>{t('directory.visibility.intro')}</p>
      {base && (
        <p className="small" data-testid="visibility-policy-note">
          {t('directory.visibility.policyNote', { next: base.version + 1 })}
        </p>
      )}
      <FormError error={loaded.error} />
      {!table ? (
        <p>{t('common.loading')}</p>
      ) : (
        <table className="visibility-table">
          <thead>
            <tr>
              <th>{t('directory.visibility.field')}</th>
              <th>{t('directory.visibility.sharedWith')}</th>
              <th>{t('directory.visibility.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {RESTRICTABLE_FIELDS.map((field) => (
              <VisibilityRow
                key={field}
                field={field}
                sharing={table.get(field)}
                ownState={state}
                states={states}
                onChange={(next) => change(field, next)}
              />
            ))}
          </tbody>
        </table>
      )}
      {saved !== undefined && (
        <p className="success" role="status" data-testid="visibility-saved">
          {t('directory.visibility.published', { version: saved })}
        </p>
      )}
      <FormError error={error} />
      {isApiError(error, 'policy.version-conflict') && <p className="small">{t('directory.visibility.conflict')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !table}>
          {t('directory.visibility.save')}
        </button>
      </div>
    </form>
  );
}
