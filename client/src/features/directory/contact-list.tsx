import { useTranslation } from 'react-i18next';
import type { ContactChannel, ContactType, RestrictableField } from '../../../../shared/schemas/directory';
import { keyFor } from '../../i18n/keys';

const HREF: Partial<Record<ContactType, (value: string) => string>> = {
  email: (value) => `mailto:${value}`,
  phone: (value) => `tel:${value.replace(/[^\d+]/g, '')}`,
  mobile: (value) => `tel:${value.replace(/[^\d+]/g, '')}`,
};

/** How to reach them; kinds of contact the entry's state withholds are named, not silently missing. */
export function ContactList({
  contacts,
  withheld,
}: {
  contacts: ContactChannel[];
  withheld: readonly RestrictableField[];
}) {
  const { t } = useTranslation();
  const hidden = withheld.flatMap((field) => (field.startsWith('contacts.') ? [field.slice('contacts.'.length)] : []));
  if (contacts.length === 0 && hidden.length === 0) return <p>{t('directory.contacts.none')}</p>;
  return (
    <dl className="facts contacts" data-testid="contacts">
      {contacts.map((contact, index) => {
        const href = HREF[contact.type]?.(contact.value);
        return (
          <div key={index} className="fact" data-type={contact.type}>
            <dt>{t(`directory.contactType.${contact.type}`)}</dt>
            <dd>
              {href ? (
                <a href={href}>{contact.value}</a>
              ) : (
                <span className={contact.type === 'secure-line' ? 'mono' : undefined}>{contact.value}</span>
              )}
              {contact.note && <span className="detail"> · {contact.note}</span>}
            </dd>
          </div>
        );
      })}
      {hidden.map((type) => (
        <div key={type} className="fact withheld" data-type={type} data-withheld="true">
          <dt>{t(keyFor('directory.contactType', type))}</dt>
          <dd className="detail">{t('directory.withheld.inline')}</dd>
        </div>
      ))}
    </dl>
  );
}
