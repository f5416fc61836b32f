import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hit } from '../../../sdk/travel-documents/types';
import { ConfirmAction } from '../../components/confirm-action';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { prefillHref } from '../requests/request-prefill';
import { listingDay } from './listing-day';
import { useTravelDocuments } from './use-travel-documents';

/** The urgent document-check request to the listing state, filled in with what the hit knows (`circumstances` in words). */
export const confirmationHref = (hit: Hit, circumstances: string): string =>
  prefillHref('request:document-check', {
    state: hit.listingState,
    urgency: 'urgent',
    fields: {
      documentType: hit.documentType,
      documentNumber: hit.number,
      issuingState: hit.issuingState,
      circumstances,
    },
  });

/** The two things to do about a hit: ask the listing state to confirm, or record that it answered "cleared". */
export function HitActions({ hit, onCleared }: { hit: Hit; onCleared: () => void }) {
  const { t } = useTranslation();
  const l = useLabels();
  const documents = useTravelDocuments();
  const state = l.state(hit.listingState);
  const circumstances = t('travelDocuments.hit.circumstances', {
    state,
    status: t(`travelDocuments.statuses.${hit.status}`).toLocaleLowerCase(l.language),
    date: listingDay(hit.date, l.language),
  });
  return (
    <div className="travel-hit-actions">
      <Link to={confirmationHref(hit, circumstances)} className="button primary" data-testid="ask-to-confirm">
        {t('travelDocuments.hit.ask', { state })}
      </Link>
      <ConfirmAction
        label={t('travelDocuments.hit.clear')}
        title={t('travelDocuments.hit.clearTitle')}
        confirm={t('travelDocuments.hit.clearConfirm')}
        className="secondary"
        onConfirm={async () => {
          await documents.clear(hit);
          onCleared();
        }}
      />
    </div>
  );
}

/** A hit, impossible to miss: who listed the document, as what, since when; then what to do. */
export function HitCard({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  const l = useLabels();
  const [cleared, setCleared] = useState(false);
  const state = l.state(hit.listingState);
  const status = t(`travelDocuments.statuses.${hit.status}`);
  return (
    <article className="travel-hit" data-testid="travel-hit" aria-labelledby={`hit-${hit.entryId}`}>
      <p className="travel-hit-badge" aria-hidden="true">
        {t('travelDocuments.hit.badge')}
      </p>
      <h3 id={`hit-${hit.entryId}`} tabIndex={-1}>
        {t('travelDocuments.hit.heading', { state, status: status.toLocaleLowerCase(l.language) })}
      </h3>
      <dl className="travel-facts">
        <dt>{t('travelDocuments.hit.document')}</dt>
        <dd>
          {t('travelDocuments.hit.documentValue', {
            type: t(`travelDocuments.types.${hit.documentType}`),
            number: hit.number,
            state: l.state(hit.issuingState),
          })}
        </dd>
        <dt>{t('travelDocuments.hit.listingState')}</dt>
        <dd data-testid="hit-listing-state">{state}</dd>
        <dt>{t('travelDocuments.hit.status')}</dt>
        <dd data-testid="hit-status">{status}</dd>
        <dt>{t('travelDocuments.hit.date')}</dt>
        <dd data-testid="hit-date">{listingDay(hit.date, l.language)}</dd>
        {hit.notes && (
          <>
            <dt>{t('travelDocuments.hit.notes')}</dt>
            <dd className="travel-notes">{hit.notes}</dd>
          </>
        )}
        {hit.listedAt && (
          <>
            <dt>{t('travelDocuments.hit.listedOn')}</dt>
            <dd data-testid="hit-listed-on">{listingDay(hit.listedAt, l.language)}</dd>
          </>
        )}
        {hit.input.reference && (
          <>
            <dt>{t('travelDocuments.hit.reference')}</dt>
            <dd>{hit.input.reference}</dd>
          </>
        )}
      </dl>
      {cleared ? (
        <p role="status" data-testid="hit-cleared">
          {t('travelDocuments.hit.cleared')}
        </p>
      ) : (
        <>
          <p className="travel-next-step">{t('travelDocuments.hit.nextStep', { state })}</p>
          <HitActions hit={hit} onCleared={() => setCleared(true)} />
          <p className="hint">{t('travelDocuments.hit.clearHint', { state })}</p>
        </>
      )}
    </article>
  );
}
