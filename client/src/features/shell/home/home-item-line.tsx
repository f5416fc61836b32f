import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../lib/format-time';
import { Link } from '../../../router/link';
import type { HomeItem } from './home-items';

/** The consensus e2e test (and the card this line replaced) know the decisions line by this id. */
const testIdOf = (item: HomeItem): string =>
  item.id === 'awaiting-position' ? 'awaiting-decisions' : `home-${item.id}`;

/** One line of "What needs you": a link saying what and how many, with what else matters. */
export function HomeItemLine({ item }: { item: HomeItem }) {
  const { t, i18n } = useTranslation();
  const what = t(`home.what.${item.id}`);
  if (item.unavailable) {
    return (
      <li className="home-item unavailable" data-testid={testIdOf(item)} data-unavailable="true">
        {t('home.unavailable', { what })}
      </li>
    );
  }
  const text =
    item.id === 'stale-entry'
      ? t('home.staleEntry')
      : item.id === 'incomplete-entry'
        ? t('home.incompleteEntry')
        : t('home.count', { what, count: item.count });
  return (
    <li
      className={`home-item ${item.id}${item.overdue ? ' late' : ''}`}
      data-testid={testIdOf(item)}
      data-count={item.count}
    >
      <Link to={item.to}>{text}</Link>
      {item.overdue ? (
        <span className="badge overdue" data-testid="home-overdue">
          {t('home.overdue', { count: item.overdue })}
        </span>
      ) : null}
      {item.since && (
        <span className="hint">
          {t('home.lastConfirmed', {
            date: formatDay(item.since, i18n.language === 'ru' ? 'ru' : 'en'),
          })}
        </span>
      )}
      {item.silence && <span className="hint">{t('home.silence')}</span>}
    </li>
  );
}
