import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { DocumentListItem } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useConsensusUpdates } from '../consensus/use-consensus-updates';

const SECTIONS = [
  { key: 'open', statuses: ['open'] },
  { key: 'adopted', statuses: ['adopted'] },
  { key: 'ended', statuses: ['rejected', 'withdrawn'] },
] as const;

function DocumentRow({ item }: { item: DocumentListItem }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <li className="card document-row" data-testid="document-row" data-status={item.proposal.status}>
      <Link to={`/documents/${item.proposalId}`}>
        <strong>{item.title ?? t('documents.list.untitled')}</strong>
      </Link>
      <p className="hint">
        {t(`documents.kind.${item.meta.kind}`)} · {t('documents.list.version', { number: item.latest.number })} ·{' '}
        {item.proposal.status === 'open'
          ? t('documents.page.deadline', { date: labels.date(item.proposal.deadline) })
          : t(`documents.status.${item.proposal.status}`)}{' '}
        · {t('documents.list.comments', { count: item.comments })}
      </p>
    </li>
  );
}

/** Documents for comment: open, adopted, ended without adoption; titles decrypted here. */
export function DocumentsListPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const documents = useLoaded(useCallback(() => client.documents.list(), [client]));
  useConsensusUpdates(documents.reload);
  return (
    <>
      <h2>{t('documents.title')}</h2>
      <p>{t('documents.intro')}</p>
      {me.role === 'network-admin' && (
        <p>
          <Link to="/documents/new" className="button">
            {t('documents.list.circulate')}
          </Link>
        </p>
      )}
      <FormError error={documents.error} />
      {!documents.data ? (
        <p>{t('common.loading')}</p>
      ) : (
        SECTIONS.map((section) => {
          const items = documents.data?.filter((item) =>
            (section.statuses as readonly string[]).includes(item.proposal.status),
          );
          return (
            <section key={section.key} data-testid={`documents-${section.key}`}>
              <h3>{t(`documents.list.${section.key}`)}</h3>
              {!items || items.length === 0 ? (
                <p className="hint">{t('documents.list.empty')}</p>
              ) : (
                <ul className="document-list">
                  {items.map((item) => (
                    <DocumentRow key={item.proposalId} item={item} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
