import { useTranslation } from 'react-i18next';

/** Previous / next with "page 2 of 5"; hidden when everything fits on one page. */
export function PeoplePager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('admin.people.paging')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('admin.people.previous')}
      </button>
      <span data-testid="people-page">{t('admin.people.pageOf', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('admin.people.next')}
      </button>
    </nav>
  );
}
