import { useCallback, useEffect, useState } from 'react';
import type { ScreeningResult } from '../../../sdk/travel-documents/types';
import { BatchScreening } from './batch-screening';
import { DeskScreening } from './desk-screening';
import { SyncPanel, type Coverage } from './sync-panel';
import { TravelDocumentsLayout } from './travel-documents-layout';
import { useTravelDocuments } from './use-travel-documents';

function Screening() {
  const documents = useTravelDocuments();
  const [coverage, setCoverage] = useState<Coverage>();
  const [syncing, setSyncing] = useState(true);
  const [syncError, setSyncError] = useState<unknown>();

  const runSync = useCallback(
    () =>
      documents
        .sync()
        .then(
          (outcome) => {
            setSyncError(undefined);
            setCoverage({ at: new Date().toISOString(), states: outcome.states, entries: outcome.entries });
          },
          (caught: unknown) => setSyncError(caught),
        )
        .finally(() => setSyncing(false)),
    [documents],
  );
  // Brought up to date on arrival (an increment is small), so the first document is matched at once.
  useEffect(() => {
    void runSync();
  }, [runSync]);
  const syncNow = (): void => {
    setSyncing(true);
    void runSync();
  };
  // A screening reports the states covered, not the entries: those stay known while the states are the same.
  const screened = (result: ScreeningResult): void =>
    setCoverage((old) => ({
      at: result.syncedAt,
      states: result.states,
      ...(old?.entries !== undefined && old.states.join() === result.states.join() ? { entries: old.entries } : {}),
    }));

  return (
    <>
      <DeskScreening onScreened={screened} />
      <SyncPanel coverage={coverage} busy={syncing} error={syncError} onSync={syncNow} />
      <BatchScreening onScreened={screened} />
    </>
  );
}

/** /travel-documents: screening, one at a desk or a manifest, against the local copy. */
export function ScreenPage() {
  return <TravelDocumentsLayout holdersOnly>{() => <Screening />}</TravelDocumentsLayout>;
}
