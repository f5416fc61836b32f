import { useTranslation } from 'react-i18next';
import { CONTACT_TYPES, ContactType } from '../../../../shared/schemas/directory';
import { Field } from '../../components/field';
import type { ContactDraft } from './entry-form-model';

const MAX_CONTACTS = 12;

/** Contact channels as rows: kind, value, note; added and removed in place. */
export function ContactsEditor({
  contacts,
  onChange,
  errorOf,
}: {
  contacts: ContactDraft[];
  onChange: (next: ContactDraft[]) => void;
  errorOf: (key: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ContactDraft>): void =>
    onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="contacts-editor" data-testid="contacts-editor">
      <legend>{t('directory.fields.contacts')}</legend>
      {contacts.length === 0 && <p className="hint">{t('directory.contacts.none')}</p>}
      {contacts.map((contact, index) => (
        <div key={index} className="contact-row" data-index={index}>
          <Field label={t('directory.form.contactType')} error={errorOf(`contacts.${index}.type`)}>
            {(field) => (
              <select
                {...field}
                name={`contacts.${index}.type`}
                value={contact.type}
                onChange={(e) => update(index, { type: ContactType.safeParse(e.target.value).data ?? contact.type })}
              >
                {CONTACT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`directory.contactType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('directory.form.contactValue')} error={errorOf(`contacts.${index}.value`)}>
            {(field) => (
              <input
                {...field}
                name={`contacts.${index}.value`}
                value={contact.value}
                maxLength={200}
                onChange={(e) => update(index, { value: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('directory.form.contactNote')} error={errorOf(`contacts.${index}.note`)}>
            {(field) => (
              <input
                {...field}
                name={`contacts.${index}.note`}
                value={contact.note}
                maxLength={200}
                onChange={(e) => update(index, { note: e.target.value })}
              />
            )}
          </Field>
          <button type="button" className="link" onClick={() => onChange(contacts.filter((_, i) => i !== index))}>
            {t('directory.form.removeContact')}
          </button>
        </div>
      ))}
      {contacts.length < MAX_CONTACTS && (
        <button type="button" onClick={() => onChange([...contacts, { type: 'email', value: '', note: '' }])}>
          {t('directory.form.addContact')}
        </button>
      )}
    </fieldset>
  );
}
