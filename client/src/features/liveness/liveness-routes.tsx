import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded on first use: the rest of the app does not pay for these pages.
const LivenessRoutes = lazy(() => import('./liveness-pages').then((module) => ({ default: module.LivenessRoutes })));

function Loading() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
}

/** The page for a /liveness path, or undefined when the path is not one of them. */
export function livenessPage(path: string): ReactNode | undefined {
  if (path !== '/liveness' && !path.startsWith('/liveness/')) return undefined;
  return (
    <Suspense fallback={<Loading />}>
      <LivenessRoutes path={path} />
    </Suspense>
  );
}
