import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { CentreView } from '../../../../shared/schemas/training';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { mayManageCentres, useTrainingWords } from './training-labels';

/** One centre: what it offers, how to reach it; its state's admins keep it current; others ask it for a training. */
export function CentrePage({ me, id }: { me: UserView; id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const centre = useLoaded(useCallback(() => client.training.centre(id), [client, id]));
  const [confirmed, setConfirmed] = useState<CentreView>();
  const [error, setError] = useState<unknown>();
  const shown = confirmed ?? centre.data;
  return (
    <>
      <p>
        <Link to="/centres">← {t('training.centre.back')}</Link>
      </p>
      <FormError error={centre.error} />
      {shown && (
        <CentreDetails centre={shown}>
          {confirmed && (
            <p className="success" role="status">
              {t('training.centre.confirmedNotice')}
            </p>
          )}
          <FormError error={error} />
          <div className="actions">
            {me.role === 'national-admin' && me.state !== shown.state && (
              <Link
                className="button"
                to={`/training-requests/new?centre=${shown.id}`}
                data-testid="request-from-centre"
              >
                {t('training.centre.request')}
              </Link>
            )}
            {mayManageCentres(me, shown.state) && (
              <>
                <Link className="button secondary" to={`/centres/${shown.id}/edit`}>
                  {t('training.centre.edit')}
                </Link>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => client.training.confirmCentre(shown.id).then(setConfirmed, setError)}
                >
                  {t('training.centre.confirm')}
                </button>
                <ConfirmAction
                  label={t('training.centre.remove')}
                  title={t('training.centre.removeTitle')}
                  confirm={t('training.centre.removeConfirm')}
                  className="danger"
                  onConfirm={async () => {
                    await client.training.removeCentre(shown.id);
                    navigate('/centres');
                  }}
                />
              </>
            )}
          </div>
        </CentreDetails>
      )}
    </>
  );
}

function CentreDetails({ centre, children }: { centre: CentreView; children: React.ReactNode }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useTrainingWords();
  const { contact } = centre;
  return (
    <article className="card centre-details" data-testid="centre-details">
      <h2>{centre.name[labels.language] ?? centre.name.en}</h2>
      {labels.language === 'ru' && centre.name.ru && <p className="detail">{centre.name.en}</p>}
      {centre.stale && <p className="badge warning">{t('training.centre.stale')}</p>}
      <dl className="training-facts">
        <dt>{t('training.centre.state')}</dt>
        <dd>{labels.state(centre.state)}</dd>
        <dt>{t('training.centre.domains')}</dt>
        <dd>{labels.domains(centre.domains)}</dd>
        <dt>{t('training.centre.subjects')}</dt>
        <dd>{centre.subjects.join(', ')}</dd>
        <dt>{t('training.centre.languages')}</dt>
        <dd>{centre.languages.join(', ')}</dd>
        <dt>{t('training.centre.formats')}</dt>
        <dd>
          {centre.formats.map(words.format).join(', ')} ·{' '}
          {centre.hostsForeignParticipants ? t('training.centres.foreign') : t('training.centres.noForeign')}
        </dd>
        {contact.address && (
          <>
            <dt>{t('training.centre.address')}</dt>
            <dd>{contact.address}</dd>
          </>
        )}
        {contact.phone && (
          <>
            <dt>{t('training.centre.phone')}</dt>
            <dd>
              <a href={`tel:${contact.phone}`}>{contact.phone}</a>
            </dd>
          </>
        )}
        {contact.email && (
          <>
            <dt>{t('training.centre.email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </>
        )}
        {contact.website && (
          <>
            <dt>{t('training.centre.website')}</dt>
            <dd>
              <a href={contact.website} rel="noreferrer noopener" target="_blank">
                {contact.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t('training.centre.confirmed')}</dt>
        <dd>{labels.date(centre.lastConfirmedAt)}</dd>
      </dl>
      {children}
    </article>
  );
}
