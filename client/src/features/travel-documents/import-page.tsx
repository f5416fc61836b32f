import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingOutcome } from '../../../sdk/travel-documents/types';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { LISTING_COLUMNS, LISTING_EXAMPLE } from './csv-help';
import { TravelDocumentsLayout } from './travel-documents-layout';
import { useTravelDocuments } from './use-travel-documents';

function ImportForm() {
  const { t } = useTranslation();
  const documents = useTravelDocuments();
  const [file, setFile] = useState<File>();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ListingOutcome>();
  const [error, setError] = useState<unknown>();
  const summary = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    setOutcome(undefined);
    const csv = file ? await file.text() : text;
    if (csv.trim() === '') return setMissing(true);
    setMissing(false);
    setBusy(true);
    try {
      setOutcome(await documents.importCsv(csv));
      requestAnimationFrame(() => summary.current?.focus());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="travel-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('travelDocuments.import.title')}</h3>
      <p>
        <Link to="/travel-documents/listings">{t('travelDocuments.listings.title')}</Link>
      </p>
      <p>{t('travelDocuments.import.intro')}</p>
      <dl className="travel-facts">
        <dt>{t('travelDocuments.import.columns')}</dt>
        <dd>
          <code>{t('travelDocuments.import.columnsList', { columns: LISTING_COLUMNS.join(', ') })}</code>
        </dd>
      </dl>
      <p>{t('travelDocuments.import.example')}</p>
      <pre className="travel-csv-example" data-testid="import-example">
        {LISTING_EXAMPLE}
      </pre>
      <Field label={t('travelDocuments.import.file')}>
        {(props) => (
          <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
        )}
      </Field>
      <Field label={t('travelDocuments.import.text')} error={missing && t('travelDocuments.import.empty')}>
        {(props) => (
          <textarea
            {...props}
            rows={6}
            spellCheck={false}
            className="travel-csv-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('travelDocuments.import.working') : t('travelDocuments.import.submit')}
      </button>
      {busy && <progress aria-label={t('travelDocuments.import.working')} />}
      {outcome && (
        <div ref={summary} tabIndex={-1} role="status" className="card" data-testid="import-outcome">
          <p>
            <strong>{t('travelDocuments.import.listed', { count: outcome.listed })}</strong>
          </p>
          {outcome.duplicates.length > 0 && (
            <>
              <p>{t('travelDocuments.import.duplicates', { count: outcome.duplicates.length })}</p>
              <ul data-testid="import-duplicates">
                {outcome.duplicates.map((duplicate) => (
                  <li key={duplicate.at}>
                    {t('travelDocuments.import.line', { line: duplicate.at, message: duplicate.message })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {outcome.problems.length > 0 && (
            <>
              <p>{t('travelDocuments.import.problems', { count: outcome.problems.length })}</p>
              <ul className="field-error" data-testid="import-problems">
                {outcome.problems.map((problem) => (
                  <li key={problem.at}>
                    {t('travelDocuments.import.line', { line: problem.at, message: problem.message })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}

/** /travel-documents/listings/import: a CSV keyed and sealed in the browser; bad rows by line, the rest listed. */
export function ImportPage() {
  return <TravelDocumentsLayout holdersOnly>{() => <ImportForm />}</TravelDocumentsLayout>;
}
