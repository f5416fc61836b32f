import { useTranslation } from 'react-i18next';

/** Previous / next with "page 2 of 6 · 140 entries". */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('directory.pager.label')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('directory.pager.previous')}
      </button>
      <span data-testid="pager-status">{t('directory.pager.status', { page, pages, count: total })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('directory.pager.next')}
      </button>
    </nav>
  );
}
