import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TravelDocumentsStatus } from '../../../../shared/schemas/travel-documents';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { usePath } from '../../router/router';
import { useSession } from '../../services/client-context';
import { useTravelStatus } from './use-travel-documents';
import './travel-documents.css';

const TABS = [
  { to: '/travel-documents', key: 'screen', holders: true },
  { to: '/travel-documents/listings', key: 'listings', holders: true },
  { to: '/travel-documents/participation', key: 'participation', holders: false },
] as const;

/** Why the person cannot screen, from the server's words, and what to do about it. */
export function NotHolder({ status }: { status: TravelDocumentsStatus }) {
  const { t, i18n } = useTranslation();
  const isAdmin = useSession()?.user.role === 'national-admin';
  const reason = status.reason ? status.reason[i18n.language === 'ru' ? 'ru' : 'en'] : undefined;
  return (
    <section className="card travel-not-holder" data-testid="travel-not-holder">
      <h3>{t('travelDocuments.notHolder.title')}</h3>
      {reason && (
        <p>
          <strong>{reason}</strong>
        </p>
      )}
      {!isAdmin && (
        <p>
          {status.participating
            ? t('travelDocuments.notHolder.askAdmin')
            : t('travelDocuments.notHolder.notParticipating')}
        </p>
      )}
      {isAdmin && (
        <p>
          <Link to="/travel-documents/participation">{t('travelDocuments.notHolder.toParticipation')}</Link>
        </p>
      )}
    </section>
  );
}

/**
 * The feature's frame: its title, its tabs (the holders' pages only for holders) and, for a page
 * that needs the keys, the reason when the person holds none.
 */
export function TravelDocumentsLayout({
  holdersOnly,
  children,
}: {
  holdersOnly: boolean;
  children: (status: TravelDocumentsStatus) => ReactNode;
}) {
  const { t } = useTranslation();
  const path = usePath();
  const status = useTravelStatus();
  // Everyone here may read the participation page; only national admins change it.
  const tabs = TABS.filter((tab) => !tab.holders || status.data?.holder);
  return (
    <section className="travel-documents">
      <h2>{t('travelDocuments.title')}</h2>
      {tabs.length > 1 && (
        <nav aria-label={t('travelDocuments.tabs.label')} className="travel-tabs">
          {tabs.map((tab) => (
            <Link
              key={tab.to}
              to={tab.to}
              aria-current={
                path === tab.to || (tab.to !== '/travel-documents' && path.startsWith(`${tab.to}/`))
                  ? 'page'
                  : undefined
              }
            >
              {t(`travelDocuments.tabs.${tab.key}`)}
            </Link>
          ))}
        </nav>
      )}
      <FormError error={status.error} />
      {!status.data ? (
        !status.error && <p>{t('common.loading')}</p>
      ) : holdersOnly && !status.data.holder ? (
        <NotHolder status={status.data} />
      ) : (
        children(status.data)
      )}
    </section>
  );
}
