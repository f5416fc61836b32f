import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/schemas/document-meta';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { DraftFields, draftInput, emptyDraft } from './draft-fields';

/** The secretariat circulates a new document for comment: encrypted here for every reader. */
export function CirculatePage() {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const domains = useActiveDomains();
  const [draft, setDraft] = useState(emptyDraft);
  const [kind, setKind] = useState<DocumentKind>('action-plan');
  const [chosen, setChosen] = useState<string[]>([]);
  const [languages, setLanguages] = useState('en, ru');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const codes = languages
        .split(',')
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean);
      const created = await client.documents.circulate({
        ...(await draftInput(draft)),
        meta: { kind, domains: chosen, languages: codes },
      });
      navigate(`/documents/${created.proposalId}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to="/documents">← {t('documents.page.back')}</Link>
      </p>
      <h2>{t('documents.form.title')}</h2>
      <form className="card document-form" onSubmit={(e) => void submit(e)} data-testid="circulate-form">
        <Field label={t('documents.form.kind')}>
          {(field) => (
            <select
              {...field}
              name="kind"
              value={kind}
              onChange={(e) => setKind(DOCUMENT_KINDS.find((k) => k === e.target.value) ?? kind)}
            >
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`documents.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('documents.form.domains')}</legend>
          {domains.map((domain) => (
            <label key={domain.code} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(domain.code)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, domain.code] : chosen.filter((c) => c !== domain.code))
                }
              />{' '}
              {labels.domain(domain.code)}
            </label>
          ))}
        </fieldset>
        <Field label={t('documents.form.languages')}>
          {(field) => (
            <input {...field} name="languages" value={languages} onChange={(e) => setLanguages(e.target.value)} />
          )}
        </Field>
        <DraftFields draft={draft} onChange={setDraft} />
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('documents.form.sealing') : t('documents.form.submit')}
        </button>
      </form>
    </>
  );
}
