import { useTranslation } from 'react-i18next';
import { HomeItemLine } from './home-item-line';
import type { HomeList } from './home-items';

/** The lines that apply; "nothing waits" only once every input has answered. */
export function HomeListView({ list }: { list: HomeList }) {
  const { t } = useTranslation();
  if (list.items.length === 0) {
    return list.loading ? (
      <p className="hint" data-testid="home-loading">
        {t('common.loading')}
      </p>
    ) : (
      <p className="home-nothing" data-testid="home-nothing">
        {t('home.nothing')}
      </p>
    );
  }
  return (
    <ul className="home-items" data-testid="home-items" aria-busy={list.loading}>
      {list.items.map((item) => (
        <HomeItemLine key={item.id} item={item} />
      ))}
    </ul>
  );
}
