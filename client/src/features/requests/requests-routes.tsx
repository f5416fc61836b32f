import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded on first use: the rest of the app does not pay for these pages.
const RequestRoutes = lazy(() => import('./requests-pages').then((module) => ({ default: module.RequestRoutes })));

function Loading() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
}

/** The page for a /requests path, or undefined when the path is not one of them. */
export function requestsPage(path: string): ReactNode | undefined {
  if (path !== '/requests' && !path.startsWith('/requests/')) return undefined;
  return (
    <Suspense fallback={<Loading />}>
      <RequestRoutes path={path} />
    </Suspense>
  );
}
