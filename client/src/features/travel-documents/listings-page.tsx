import { Fragment, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnListing } from '../../../sdk/travel-documents/types';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { ListingEditor } from './listing-editor';
import { listingDay } from './listing-day';
import { TravelDocumentsLayout } from './travel-documents-layout';
import { useTravelDocuments } from './use-travel-documents';

type Shown = 'listed' | 'withdrawn' | 'all';
const SHOWN: Record<Shown, 'showListed' | 'showWithdrawn' | 'showAll'> = {
  listed: 'showListed',
  withdrawn: 'showWithdrawn',
  all: 'showAll',
};

function Listings() {
  const { t } = useTranslation();
  const l = useLabels();
  const documents = useTravelDocuments();
  const [shown, setShown] = useState<Shown>('listed');
  const listings = useLoaded(useCallback(() => documents.mine({ status: shown }), [documents, shown]));
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const done = (changed: OwnListing, kind: 'saved' | 'withdrawn'): void => {
    setEditing(undefined);
    setNotice(
      kind === 'saved'
        ? t('travelDocuments.listings.saved', { number: changed.number })
        : t('travelDocuments.listings.withdrawnDone', { number: changed.number }),
    );
    listings.reload();
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const rows = listings.data ?? [];

  return (
    <>
      <h3>{t('travelDocuments.listings.title')}</h3>
      <p>{t('travelDocuments.listings.intro')}</p>
      <p className="travel-actions">
        <Link to="/travel-documents/listings/new" className="button primary">
          {t('travelDocuments.listings.add')}
        </Link>
        <Link to="/travel-documents/listings/import" className="button secondary">
          {t('travelDocuments.listings.import')}
        </Link>
      </p>
      <p>
        <label>
          {t('travelDocuments.listings.show')}{' '}
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)} data-testid="listings-shown">
            {(Object.keys(SHOWN) as Shown[]).map((key) => (
              <option key={key} value={key}>
                {t(`travelDocuments.listings.${SHOWN[key]}`)}
              </option>
            ))}
          </select>
        </label>
      </p>
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="card travel-done" data-testid="listings-notice">
          {notice}
        </p>
      )}
      <FormError error={listings.error} />
      {!listings.data ? (
        !listings.error && <p>{t('travelDocuments.preparing')}</p>
      ) : rows.length === 0 ? (
        <p className="card">{t('travelDocuments.listings.empty')}</p>
      ) : (
        <table className="travel-table" data-testid="listings-table">
          <caption>{t('travelDocuments.listings.count', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('travelDocuments.listings.number')}</th>
              <th scope="col">{t('travelDocuments.listings.issuingState')}</th>
              <th scope="col">{t('travelDocuments.listings.type')}</th>
              <th scope="col">{t('travelDocuments.listings.status')}</th>
              <th scope="col">{t('travelDocuments.listings.date')}</th>
              <th scope="col">{t('travelDocuments.listings.listedOn')}</th>
              <th scope="col">{t('travelDocuments.listings.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((listing) => (
              <Fragment key={listing.id}>
                <tr data-testid="listing-row" data-state={listing.state}>
                  <th scope="row" data-label={t('travelDocuments.listings.number')}>
                    <code>{listing.number}</code>
                  </th>
                  <td data-label={t('travelDocuments.listings.issuingState')}>{listing.issuingState}</td>
                  <td data-label={t('travelDocuments.listings.type')}>
                    {t(`travelDocuments.types.${listing.documentType}`)}
                  </td>
                  <td data-label={t('travelDocuments.listings.status')}>
                    {t(`travelDocuments.statuses.${listing.status}`)}
                  </td>
                  <td data-label={t('travelDocuments.listings.date')}>{listingDay(listing.date, l.language)}</td>
                  <td data-label={t('travelDocuments.listings.listedOn')}>
                    {listingDay(listing.listedAt, l.language)}
                  </td>
                  <td data-label={t('travelDocuments.listings.state')}>
                    {listing.state === 'withdrawn' ? (
                      t('travelDocuments.listings.withdrawn', {
                        date: listing.withdrawnAt ? listingDay(listing.withdrawnAt, l.language) : '',
                        reason: listing.withdrawReason
                          ? t(`travelDocuments.withdrawReasons.${listing.withdrawReason}`)
                          : '',
                      })
                    ) : (
                      <>
                        {t('travelDocuments.listings.listed')}{' '}
                        <button
                          type="button"
                          className="secondary"
                          aria-expanded={editing === listing.id}
                          aria-label={`${t('travelDocuments.listings.edit')} ${listing.number}`}
                          onClick={() => setEditing(editing === listing.id ? undefined : listing.id)}
                        >
                          {t('travelDocuments.listings.edit')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
                {editing === listing.id && (
                  <tr className="travel-editor-row">
                    <td colSpan={7}>
                      <ListingEditor listing={listing} onDone={done} onCancel={() => setEditing(undefined)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** /travel-documents/listings: the state's own listings, opened here with the state's key. */
export function ListingsPage() {
  return <TravelDocumentsLayout holdersOnly>{() => <Listings />}</TravelDocumentsLayout>;
}
