import { useCallback } from 'react';
import type { TravelDocumentsClient } from '../../../sdk/travel-documents/types';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** The SDK's lost and stolen documents: numbers are keyed and sealed here, in the browser. */
export const useTravelDocuments = (): TravelDocumentsClient => useClient().travelDocuments;

/** Whether the person's state takes part and they hold the keys (and why not). */
export function useTravelStatus() {
  const documents = useTravelDocuments();
  return useLoaded(useCallback(() => documents.status(), [documents]));
}
