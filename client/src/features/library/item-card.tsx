import { useTranslation } from 'react-i18next';
import type { OpenedItem } from '../../../sdk/index';
import { Link } from '../../router/link';
import { formatDay, type UiLanguage } from '../../lib/format-time';

/** One item in the list: its decrypted title and summary, or why they cannot be shown. */
export function ItemCard({ item, domainName }: { item: OpenedItem; domainName: (code: string) => string }) {
  const { t, i18n } = useTranslation();
  const v = item.latest;
  return (
    <article className="card library-item" data-testid="library-item">
      {v.state === 'open' ? (
        <h3>
          <Link to={`/library/${item.id}`}>{v.title}</Link>
        </h3>
      ) : (
        <p className="detail">
          {v.state === 'locked' ? t('library.locked') : t('library.invalid', { reason: v.reason })}
        </p>
      )}
      <p className="library-facts">
        <span className="badge">{t(`library.kinds.${item.kind}`)}</span>
        {item.domain && <span>{domainName(item.domain)}</span>}
        <span>{item.language.toUpperCase()}</span>
        <span>{t('library.versions', { count: item.versionCount })}</span>
      </p>
      {v.state === 'open' && v.summary && <p>{v.summary}</p>}
      {v.state === 'open' && v.tags.length > 0 && (
        <p className="library-tags">
          {v.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <p className="detail">
        {t('library.by', {
          name: v.author.displayName,
          state: v.author.state ?? t('library.secretariat'),
          date: formatDay(item.updatedAt, i18n.language as UiLanguage),
        })}
      </p>
    </article>
  );
}
