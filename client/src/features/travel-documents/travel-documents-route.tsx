import type { ReactNode } from 'react';
import { ImportPage } from './import-page';
import { ListingFormPage } from './listing-form-page';
import { ListingsPage } from './listings-page';
import { ParticipationPage } from './participation-page';
import { ScreenPage } from './screen-page';

const PAGES: Record<string, () => ReactNode> = {
  '/travel-documents': () => <ScreenPage />,
  '/travel-documents/listings': () => <ListingsPage />,
  '/travel-documents/listings/new': () => <ListingFormPage />,
  '/travel-documents/listings/import': () => <ImportPage />,
  '/travel-documents/participation': () => <ParticipationPage />,
};

/** Lost and stolen travel documents: screening, the state's listings, participation. */
export function travelDocumentsPage(path: string): ReactNode | undefined {
  return PAGES[path]?.();
}
