import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TravelDocumentsStatus } from '../../../../shared/schemas/travel-documents';
import { ConfirmAction } from '../../components/confirm-action';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { useSession } from '../../services/client-context';
import { FormError } from '../../components/form-error';
import { TravelDocumentsLayout } from './travel-documents-layout';
import { useStateListings } from './use-state-listings';
import { useTravelDocuments } from './use-travel-documents';

function Participation({ initial }: { initial: TravelDocumentsStatus }) {
  const { t } = useTranslation();
  const l = useLabels();
  const documents = useTravelDocuments();
  const me = useSession()?.user;
  const [status, setStatus] = useState(initial);
  const [saved, setSaved] = useState<string>();
  const states = useStateListings();
  const savedRef = useRef<HTMLParagraphElement>(null);
  const state = l.state(me?.state ?? null);
  const isAdmin = me?.role === 'national-admin';
  const now = status.participating
    ? t('travelDocuments.participation.yes', { state })
    : t('travelDocuments.participation.no', { state });

  const change = async (participating: boolean): Promise<void> => {
    const next = await documents.setParticipation(participating);
    setStatus(next);
    states.reload();
    setSaved(
      t('travelDocuments.participation.changed', {
        text: next.participating
          ? t('travelDocuments.participation.yes', { state })
          : t('travelDocuments.participation.no', { state }),
      }),
    );
    requestAnimationFrame(() => savedRef.current?.focus());
  };

  return (
    <>
      <h3>{t('travelDocuments.participation.title')}</h3>
      {saved && (
        <p ref={savedRef} tabIndex={-1} role="status" className="card travel-done" data-testid="participation-saved">
          {saved}
        </p>
      )}
      <p className="travel-participation-now" data-testid="participation-now" data-participating={status.participating}>
        <strong>{now}</strong>
      </p>
      <p>{t('travelDocuments.participation.explanation')}</p>
      {status.participating && <p>{t('travelDocuments.participation.stopExplanation')}</p>}
      {isAdmin ? (
        status.participating ? (
          <ConfirmAction
            label={t('travelDocuments.participation.leave')}
            title={t('travelDocuments.participation.leaveTitle', { state })}
            confirm={t('travelDocuments.participation.leaveConfirm')}
            className="danger"
            onConfirm={() => change(false)}
          />
        ) : (
          <ConfirmAction
            label={t('travelDocuments.participation.join')}
            title={t('travelDocuments.participation.joinTitle', { state })}
            confirm={t('travelDocuments.participation.joinConfirm', { state })}
            className="primary"
            onConfirm={() => change(true)}
          />
        )
      ) : (
        <p className="hint">{t('travelDocuments.participation.adminsOnly')}</p>
      )}
      <h4>{t('travelDocuments.participation.reciprocity')}</h4>
      <p data-testid="reciprocity">
        {status.reciprocity
          ? t('travelDocuments.participation.reciprocityOn')
          : t('travelDocuments.participation.reciprocityOff')}
      </p>
      <p className="hint">
        {t('travelDocuments.participation.reciprocityHint')}{' '}
        <Link to="/decisions">{t('travelDocuments.participation.decisions')}</Link>
      </p>
      <p>
        {t('travelDocuments.participation.policies')}{' '}
        {isAdmin && <Link to="/policies">{t('travelDocuments.participation.policyLink')}</Link>}
      </p>
      <FormError error={states.error} />
      {states.data && (
        <table className="travel-table" data-testid="participation-states">
          <caption>{t('travelDocuments.participation.states')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('travelDocuments.participation.state')}</th>
              <th scope="col">{t('travelDocuments.participation.takesPart')}</th>
              <th scope="col">{t('travelDocuments.participation.listings')}</th>
            </tr>
          </thead>
          <tbody>
            {[...states.data]
              // Those taking part first: who the listings come from and go to.
              .sort(
                (a, b) =>
                  Number(b.participating) - Number(a.participating) ||
                  l.state(a.state).localeCompare(l.state(b.state), l.language),
              )
              .map((row) => (
                <tr key={row.state} data-testid="participation-state" data-state={row.state}>
                  <th scope="row" data-label={t('travelDocuments.participation.state')}>
                    {l.state(row.state)}
                  </th>
                  <td data-label={t('travelDocuments.participation.takesPart')}>
                    {row.participating
                      ? t('travelDocuments.participation.yesShort')
                      : t('travelDocuments.participation.noShort')}
                  </td>
                  <td data-label={t('travelDocuments.participation.listings')}>{row.listings}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** /travel-documents/participation: whether the state takes part (its national admins decide), and the network's rules. */
export function ParticipationPage() {
  return (
    <TravelDocumentsLayout holdersOnly={false}>{(status) => <Participation initial={status} />}</TravelDocumentsLayout>
  );
}
