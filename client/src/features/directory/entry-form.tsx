import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_KINDS, FOCAL_ROLES, type EntryView } from '../../../../shared/schemas/directory';
import { isApiError } from '../../../sdk/index';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { BilingualInputs } from './bilingual-inputs';
import { ContactsEditor } from './contacts-editor';
import { DeputySelect } from './deputy-select';
import { draftOf, serverErrors, validateDraft, type EntryDraft, type FieldErrors } from './entry-form-model';
import { problemText } from './field-problem';
import { HoursEditor } from './hours-editor';

/** Every IANA zone this browser knows, for the time-zone suggestions. */
const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/**
 * Edits an entry (its owner, or a national admin of its state). Checked with the shared schema
 * before sending; problems, the server's too, are shown at their fields. Saving also confirms.
 */
export function EntryForm({
  entry,
  onSaved,
  onCancel,
}: {
  entry: EntryView;
  onSaved: (entry: EntryView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const zoneList = useMemo(() => zones(), []);
  const change = (patch: Partial<EntryDraft>): void => setDraft((current) => ({ ...current, ...patch }));
  const errorOf = (key: string): string | undefined => {
    const problem = errors[key];
    return problem ? problemText(t, key, problem) : undefined;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    const checked = validateDraft(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await client.directory.updateEntry(entry.userId, checked.update));
    } catch (caught) {
      if (isApiError(caught, 'validation.failed') && caught.issues.length > 0) setErrors(serverErrors(caught.issues));
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <form
      className="card form entry-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="entry-form-title"
      noValidate
      data-testid="entry-form"
    >
      <h3 id="entry-form-title">{t('directory.form.title')}</h3>
      {invalid && (
        <p className="form-error" role="alert" data-testid="form-invalid">
          {t('directory.form.fixFields', { count: Object.keys(errors).length })}
        </p>
      )}
      <Field label={t('directory.fields.kind')}>
        {(field) => (
          <select
            {...field}
            name="kind"
            value={draft.kind}
            onChange={(e) => change({ kind: ENTRY_KINDS.find((k) => k === e.target.value) ?? draft.kind })}
          >
            {ENTRY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`directory.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <BilingualInputs
        name="name"
        legend={t('directory.fields.name')}
        required
        en={draft.nameEn}
        ru={draft.nameRu}
        onEn={(v) => change({ nameEn: v })}
        onRu={(v) => change({ nameRu: v })}
        errorEn={errorOf('name.en') ?? errorOf('name')}
        errorRu={errorOf('name.ru')}
      />
      <BilingualInputs
        name="title"
        legend={t('directory.fields.title')}
        en={draft.titleEn}
        ru={draft.titleRu}
        onEn={(v) => change({ titleEn: v })}
        onRu={(v) => change({ titleRu: v })}
        errorEn={errorOf('title.en')}
        errorRu={errorOf('title.ru')}
      />
      <BilingualInputs
        name="authority"
        legend={t('directory.fields.authority')}
        en={draft.authorityEn}
        ru={draft.authorityRu}
        onEn={(v) => change({ authorityEn: v })}
        onRu={(v) => change({ authorityRu: v })}
        errorEn={errorOf('authority.en')}
        errorRu={errorOf('authority.ru')}
      />
      <Field label={t('directory.fields.role')}>
        {(field) => (
          <select
            {...field}
            name="role"
            value={draft.role}
            onChange={(e) => change({ role: FOCAL_ROLES.find((r) => r === e.target.value) ?? '' })}
          >
            {!entry.role && <option value="">{t('common.none')}</option>}
            {FOCAL_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`directory.role.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('directory.fields.languages')}
        hint={t('directory.form.languagesHint')}
        error={errorOf('languages')}
      >
        {(field) => (
          <input
            {...field}
            name="languages"
            value={draft.languages}
            onChange={(e) => change({ languages: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t('directory.fields.timeZone')} hint={t('directory.form.timeZoneHint')} error={errorOf('timeZone')}>
        {(field) => (
          <input
            {...field}
            name="timeZone"
            list="entry-time-zones"
            value={draft.timeZone}
            onChange={(e) => change({ timeZone: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <datalist id="entry-time-zones">
        {zoneList.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <HoursEditor draft={draft} onChange={change} errorOf={errorOf} />
      <label className="checkbox">
        <input
          type="checkbox"
          name="available24x7"
          checked={draft.available24x7}
          onChange={(e) => change({ available24x7: e.target.checked })}
        />
        {t('directory.form.available24x7')}
      </label>
      <DeputySelect
        state={entry.state}
        selfId={entry.userId}
        value={draft.deputyUserId}
        onChange={(v) => change({ deputyUserId: v })}
        error={errorOf('deputyUserId')}
      />
      <ContactsEditor contacts={draft.contacts} onChange={(contacts) => change({ contacts })} errorOf={errorOf} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.working') : t('directory.form.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
