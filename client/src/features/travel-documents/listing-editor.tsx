import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_STATUSES, WITHDRAW_REASONS, type ListingStatus } from '../../../../shared/schemas/travel-documents';
import type { OwnListing } from '../../../sdk/travel-documents/types';
import { ConfirmAction } from '../../components/confirm-action';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { listingOfDraft, NOTES_MAX, type ListingField } from './listing-form-model';
import { useTravelDocuments } from './use-travel-documents';

type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** Corrects one listing (status, date, notes: a new version) or withdraws it with a reason. */
export function ListingEditor({
  listing,
  onDone,
  onCancel,
}: {
  listing: OwnListing;
  onDone: (changed: OwnListing, kind: 'saved' | 'withdrawn') => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const documents = useTravelDocuments();
  const [status, setStatus] = useState<ListingStatus>(listing.status);
  const [date, setDate] = useState(listing.date);
  const [notes, setNotes] = useState(listing.notes ?? '');
  const [reason, setReason] = useState<WithdrawReason>('recovered');
  const [problems, setProblems] = useState<ListingField[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problem = (field: ListingField): string | false =>
    problems.includes(field) && t(`travelDocuments.form.errors.${field}`);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = listingOfDraft(
      { ...listing, checkDigit: '', status, date, notes },
      new Date().toISOString().slice(0, 10),
    );
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setBusy(true);
    setError(undefined);
    try {
      const saved = await documents.update(listing.id, listing.version, { status, date, notes: notes.trim() });
      onDone(saved, 'saved');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    // Two forms side by side: the withdrawal's confirmation is a form of its own, which must not submit the correction.
    <div className="travel-editor" data-testid="listing-editor">
      <form className="travel-editor-form" onSubmit={(event) => void save(event)} noValidate>
        <h4>{t('travelDocuments.listings.editTitle', { number: listing.number })}</h4>
        <Field label={t('travelDocuments.form.status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as ListingStatus)} autoFocus>
              {LISTING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`travelDocuments.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('travelDocuments.form.date')} error={problem('date')}>
          {(props) => <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t('travelDocuments.form.notes')} error={problem('notes')}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={NOTES_MAX + 100}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </Field>
        <FormError error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('travelDocuments.listings.save')}
          </button>
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('travelDocuments.listings.cancel')}
          </button>
        </div>
      </form>
      <div className="travel-withdraw">
        <Field label={t('travelDocuments.listings.withdrawReason')}>
          {(props) => (
            <select {...props} value={reason} onChange={(e) => setReason(e.target.value as WithdrawReason)}>
              {WITHDRAW_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`travelDocuments.withdrawReasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ConfirmAction
          label={t('travelDocuments.listings.withdraw')}
          title={t('travelDocuments.listings.withdrawTitle', { number: listing.number })}
          confirm={t('travelDocuments.listings.withdrawConfirm')}
          className="danger"
          disabled={busy}
          onConfirm={async () => onDone(await documents.withdraw(listing.id, reason), 'withdrawn')}
        />
      </div>
    </div>
  );
}
