import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileInLibrary } from './library-hook';

// Loaded on first use: the rest of the app does not pay for these pages.
const DocumentRoutes = lazy(() => import('./documents-pages').then((module) => ({ default: module.DocumentRoutes })));

function Loading() {
  const { t } = useTranslation();
  return <p>{t('common.loading')}</p>;
}

/**
 * The page for a /documents path, or undefined. `onFileInLibrary` (the shared library's feature)
 * shows the secretariat's "File in the library" button on an adopted document; absent, it is hidden.
 */
export function documentsPage(path: string, options: { onFileInLibrary?: FileInLibrary } = {}): ReactNode | undefined {
  if (path !== '/documents' && !path.startsWith('/documents/')) return undefined;
  return (
    <Suspense fallback={<Loading />}>
      <DocumentRoutes path={path} onFileInLibrary={options.onFileInLibrary} />
    </Suspense>
  );
}
