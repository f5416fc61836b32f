import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hit, ScreeningResult } from '../../../sdk/travel-documents/types';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { HitActions } from './hit-card';
import { listingDay } from './listing-day';
import { MANIFEST_COLUMNS, MANIFEST_EXAMPLE } from './csv-help';
import { useTravelDocuments } from './use-travel-documents';

function HitRow({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  const l = useLabels();
  const [cleared, setCleared] = useState(false);
  return (
    <tr data-testid="batch-hit">
      <td data-label={t('travelDocuments.batch.row')}>{t('travelDocuments.batch.line', { line: hit.at })}</td>
      <td data-label={t('travelDocuments.hit.document')}>
        {t('travelDocuments.hit.documentValue', {
          type: t(`travelDocuments.types.${hit.documentType}`),
          number: hit.number,
          state: l.state(hit.issuingState),
        })}
        {hit.input.reference && <div className="hint">{hit.input.reference}</div>}
      </td>
      <td data-label={t('travelDocuments.hit.listingState')}>{l.state(hit.listingState)}</td>
      <td data-label={t('travelDocuments.hit.status')}>
        <strong>{t(`travelDocuments.statuses.${hit.status}`)}</strong>
      </td>
      <td data-label={t('travelDocuments.hit.date')}>{listingDay(hit.date, l.language)}</td>
      <td data-label={t('travelDocuments.batch.actions')}>
        {cleared ? t('travelDocuments.hit.cleared') : <HitActions hit={hit} onCleared={() => setCleared(true)} />}
      </td>
    </tr>
  );
}

/** A passenger manifest, screened here in the browser: the counts, the rows not screened by line, the hits. */
export function BatchScreening({ onScreened }: { onScreened: (result: ScreeningResult) => void }) {
  const { t } = useTranslation();
  const documents = useTravelDocuments();
  const [file, setFile] = useState<File>();
  const [working, setWorking] = useState<string>();
  const [result, setResult] = useState<ScreeningResult>();
  const [error, setError] = useState<unknown>();
  const summary = useRef<HTMLParagraphElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(undefined);
    setWorking(file.name);
    try {
      const screened = await documents.screenCsv(await file.text());
      setResult(screened);
      onScreened(screened);
      // The summary is what comes next to read: focus it (it is also announced).
      requestAnimationFrame(() => summary.current?.focus());
    } catch (caught) {
      setError(caught);
    } finally {
      setWorking(undefined);
    }
  };

  return (
    <section className="travel-batch" aria-labelledby="travel-batch-title">
      <h3 id="travel-batch-title">{t('travelDocuments.batch.title')}</h3>
      <p>{t('travelDocuments.batch.intro', { columns: MANIFEST_COLUMNS.join(', ') })}</p>
      <details>
        <summary>{t('travelDocuments.batch.example')}</summary>
        <pre className="travel-csv-example">{MANIFEST_EXAMPLE}</pre>
      </details>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('travelDocuments.batch.file')}>
          {(props) => (
            <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
          )}
        </Field>
        <button type="submit" disabled={!file || working !== undefined}>
          {t('travelDocuments.batch.submit')}
        </button>
      </form>
      {working !== undefined && (
        <p role="status">
          <progress aria-label={t('travelDocuments.batch.working', { name: working })} />{' '}
          {t('travelDocuments.batch.working', { name: working })}
        </p>
      )}
      <FormError error={error} />
      {result && (
        <div data-testid="batch-result">
          <p
            ref={summary}
            tabIndex={-1}
            role="status"
            className={result.hits.length > 0 ? 'travel-batch-summary travel-batch-hits' : 'travel-batch-summary'}
            data-testid="batch-summary"
          >
            {t('travelDocuments.batch.summary', {
              screened: result.screened,
              hits: result.hits.length,
              problems: result.problems.length,
            })}
            {result.clearedHits > 0 && ` ${t('travelDocuments.batch.clearedHits', { count: result.clearedHits })}`}
          </p>
          {result.hits.length === 0 ? (
            <p className="card">{t('travelDocuments.batch.noHits')}</p>
          ) : (
            <table className="travel-table travel-hits-table">
              <caption>{t('travelDocuments.batch.hits')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('travelDocuments.batch.row')}</th>
                  <th scope="col">{t('travelDocuments.hit.document')}</th>
                  <th scope="col">{t('travelDocuments.hit.listingState')}</th>
                  <th scope="col">{t('travelDocuments.hit.status')}</th>
                  <th scope="col">{t('travelDocuments.hit.date')}</th>
                  <th scope="col">{t('travelDocuments.batch.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {result.hits.map((hit) => (
                  <HitRow key={`${hit.at}:${hit.entryId}`} hit={hit} />
                ))}
              </tbody>
            </table>
          )}
          {result.problems.length > 0 && (
            <>
              <h4>{t('travelDocuments.batch.problems')}</h4>
              <ul data-testid="batch-problems">
                {result.problems.map((problem) => (
                  <li key={`${problem.kind}:${problem.at}`}>
                    {t('travelDocuments.import.line', { line: problem.at, message: problem.message })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
