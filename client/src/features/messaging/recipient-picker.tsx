import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient, useSession } from '../../services/client-context';
import { Bilingual } from '../directory/bilingual';

export interface Recipient {
  readonly userId: string;
  readonly state: string;
  readonly name: EntryView['name'];
}

/** Recipients found in the directory by name, authority or state, among those serving the domain. */
export function RecipientPicker({
  domain,
  value,
  onChange,
}: {
  domain: DomainCode;
  value: readonly Recipient[];
  onChange: (next: Recipient[]) => void;
}) {
  const { t } = useTranslation();
  const l = useLabels();
  const client = useClient();
  const myId = useSession()?.user.id;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntryView[]>();
  const [error, setError] = useState<unknown>();

  const search = useCallback(async (): Promise<void> => {
    setError(undefined);
    try {
      const page = await client.directory.search({ q: query, domain, pageSize: 20 });
      setResults(page.entries.filter((entry) => entry.userId !== myId && entry.keys !== null));
    } catch (caught) {
      setError(caught);
    }
  }, [client, query, domain, myId]);

  const chosen = new Set(value.map((r) => r.userId));
  return (
    <fieldset className="recipient-picker">
      <legend>{t('messaging.compose.recipients')}</legend>
      {value.length === 0 ? (
        <p className="hint">{t('messaging.compose.noRecipients')}</p>
      ) : (
        <ul className="chosen-recipients" data-testid="chosen-recipients">
          {value.map((r) => (
            <li key={r.userId}>
              <Bilingual text={r.name} /> <span className="hint">{l.state(r.state)}</span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => onChange(value.filter((other) => other.userId !== r.userId))}
              >
                {t('messaging.compose.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <Field
          label={t('messaging.compose.search')}
          hint={t('messaging.compose.searchHint', { domain: l.domain(domain) })}
        >
          {(field) => (
            <input
              {...field}
              name="recipient-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void search();
                }
              }}
            />
          )}
        </Field>
        <button type="button" onClick={() => void search()}>
          {t('messaging.compose.find')}
        </button>
      </div>
      <FormError error={error} />
      {results &&
        (results.length === 0 ? (
          <p>{t('messaging.compose.nobodyFound')}</p>
        ) : (
          <ul className="recipient-results" data-testid="recipient-results">
            {results.map((entry) => (
              <li key={entry.userId}>
                <Bilingual text={entry.name} />{' '}
                <span className="hint">
                  {l.state(entry.state)}
                  {entry.authority ? ` · ${entry.authority.en}` : ''}
                </span>{' '}
                <button
                  type="button"
                  disabled={chosen.has(entry.userId)}
                  data-testid="add-recipient"
                  onClick={() => onChange([...value, { userId: entry.userId, state: entry.state, name: entry.name }])}
                >
                  {chosen.has(entry.userId) ? t('messaging.compose.added') : t('messaging.compose.add')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </fieldset>
  );
}
