import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded on first use: the rest of the app does not pay for these pages.
const DirectoryRoutes = lazy(() => import('./directory-pages').then((module) => ({ default: module.DirectoryRoutes })));

function Loading() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
}

/** The page for a /directory path, or undefined when the path is not one of them. */
export function directoryPage(path: string): ReactNode | undefined {
  if (path !== '/directory' && !path.startsWith('/directory/')) return undefined;
  return (
    <Suspense fallback={<Loading />}>
      <DirectoryRoutes path={path} />
    </Suspense>
  );
}
