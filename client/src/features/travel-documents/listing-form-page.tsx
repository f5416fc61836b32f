import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, LISTING_STATUSES } from '../../../../shared/schemas/travel-documents';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { useSession } from '../../services/client-context';
import { listingOfDraft, NOTES_MAX, type ListingDraft, type ListingField } from './listing-form-model';
import { TravelDocumentsLayout } from './travel-documents-layout';
import { useTravelDocuments } from './use-travel-documents';

const today = (): string => new Date().toISOString().slice(0, 10);
const blank = (state: string): ListingDraft => ({
  issuingState: state,
  documentType: 'passport',
  number: '',
  checkDigit: '',
  status: 'stolen',
  date: '',
  notes: '',
});

type Done = { kind: 'listed' | 'duplicate'; text: string };

function ListingForm() {
  const { t } = useTranslation();
  const l = useLabels();
  const documents = useTravelDocuments();
  const myState = useSession()?.user.state ?? '';
  const [draft, setDraft] = useState<ListingDraft>(() => blank(myState));
  const [problems, setProblems] = useState<ListingField[]>([]);
  const [done, setDone] = useState<Done>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const set = <K extends keyof ListingDraft>(key: K, value: ListingDraft[K]): void => {
    setDraft((old) => ({ ...old, [key]: value }));
    setDone(undefined);
  };
  const problem = (field: ListingField): string | false =>
    problems.includes(field) && t(`travelDocuments.form.errors.${field}`);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    const checked = listingOfDraft(draft, today());
    if (!checked.ok) {
      setProblems(checked.problems);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const result = await documents.list([checked.listing]);
      const words = {
        type: t(`travelDocuments.types.${checked.listing.documentType}`),
        number: checked.listing.number,
        state: checked.listing.issuingState,
        status: t(`travelDocuments.statuses.${checked.listing.status}`).toLocaleLowerCase(l.language),
      };
      const refused = result.problems[0];
      if (refused) {
        setError(new Error(refused.message));
      } else if (result.duplicates.length > 0) {
        setDone({ kind: 'duplicate', text: t('travelDocuments.form.duplicate', words) });
      } else {
        setDone({ kind: 'listed', text: t('travelDocuments.form.listed', words) });
        setDraft((old) => ({ ...blank(old.issuingState), documentType: old.documentType, status: old.status }));
      }
      requestAnimationFrame(() => outcome.current?.focus());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="travel-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('travelDocuments.form.title')}</h3>
      <p>
        <Link to="/travel-documents/listings">{t('travelDocuments.listings.title')}</Link>
      </p>
      {problems.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} data-testid="error-summary">
          <h4>{t('travelDocuments.form.errorSummary')}</h4>
          <ul>
            {problems.map((field) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
                  }}
                >
                  {t(`travelDocuments.form.errors.${field}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {done && (
        <div
          ref={outcome}
          tabIndex={-1}
          role="status"
          className={done.kind === 'listed' ? 'card travel-done' : 'card travel-duplicate'}
          data-testid="listing-outcome"
        >
          {done.text}
        </div>
      )}
      <Field
        label={t('travelDocuments.form.issuingState')}
        hint={t('travelDocuments.form.issuingStateHint')}
        error={problem('issuingState')}
      >
        {(props) => (
          <input
            {...props}
            data-field="issuingState"
            maxLength={2}
            autoCapitalize="characters"
            value={draft.issuingState}
            onChange={(e) => set('issuingState', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('travelDocuments.form.type')}>
        {(props) => (
          <select
            {...props}
            value={draft.documentType}
            onChange={(e) => set('documentType', e.target.value as ListingDraft['documentType'])}
          >
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`travelDocuments.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('travelDocuments.form.number')}
        hint={t('travelDocuments.form.numberHint')}
        error={problem('number')}
      >
        {(props) => (
          <input
            {...props}
            data-field="number"
            autoComplete="off"
            spellCheck={false}
            value={draft.number}
            onChange={(e) => set('number', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('travelDocuments.form.checkDigit')}
        hint={t('travelDocuments.form.checkDigitHint')}
        error={problem('checkDigit')}
      >
        {(props) => (
          <input
            {...props}
            data-field="checkDigit"
            inputMode="numeric"
            maxLength={1}
            className="travel-short"
            value={draft.checkDigit}
            onChange={(e) => set('checkDigit', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('travelDocuments.form.status')}>
        {(props) => (
          <select
            {...props}
            value={draft.status}
            onChange={(e) => set('status', e.target.value as ListingDraft['status'])}
          >
            {LISTING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`travelDocuments.statuses.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('travelDocuments.form.date')} error={problem('date')}>
        {(props) => (
          <input
            {...props}
            data-field="date"
            type="date"
            max={today()}
            value={draft.date}
            onChange={(e) => set('date', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('travelDocuments.form.notes')}
        hint={t('travelDocuments.form.notesHint')}
        error={problem('notes')}
      >
        {(props) => (
          <textarea
            {...props}
            data-field="notes"
            rows={3}
            maxLength={NOTES_MAX + 100}
            value={draft.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        )}
      </Field>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('travelDocuments.form.working') : t('travelDocuments.form.submit')}
      </button>
    </form>
  );
}

/** /travel-documents/listings/new: one document, checked here, keyed and sealed here. */
export function ListingFormPage() {
  return <TravelDocumentsLayout holdersOnly>{() => <ListingForm />}</TravelDocumentsLayout>;
}
