import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded on first use: the rest of the app does not pay for these pages.
const TrainingPages = lazy(() => import('./training-pages').then((module) => ({ default: module.TrainingPages })));

function Loading() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
}

const ROOTS = ['/centres', '/training-requests'];

/** The page for a /centres or /training-requests path, or undefined for any other path. */
export function trainingPage(path: string): ReactNode | undefined {
  if (!ROOTS.some((root) => path === root || path.startsWith(`${root}/`))) return undefined;
  return (
    <Suspense fallback={<Loading />}>
      <TrainingPages path={path} />
    </Suspense>
  );
}
