import type { Connection } from 'mongoose';
import { travelDocumentModels } from '../db/models/travel-documents.model.js';
import {
  ClearedRepository,
  ScreeningsRepository,
  TravelDocumentChangeLog,
  TravelDocumentEntriesRepository,
} from '../db/repositories/travel-document-entries.repository.js';
import { ParticipationRepository, RingsRepository } from '../db/repositories/travel-document-rings.repository.js';
import type { SettingStore } from '../modules/directory/ports.js';
import { ListedSet } from '../modules/travel-documents/listed-set.js';
import type { TravelDocumentsDeps } from '../modules/travel-documents/travel-documents-deps.js';

/** Lost and stolen travel documents: its stores over the connection, with what it reads of the rest. */
export function composeTravelDocuments(
  connection: Connection,
  base: Omit<
    TravelDocumentsDeps,
    'participation' | 'rings' | 'entries' | 'changes' | 'listed' | 'screenings' | 'cleared' | 'settings'
  > & {
    settings: SettingStore;
  },
): { deps: TravelDocumentsDeps; ensureIndexes(): Promise<void> } {
  const models = travelDocumentModels(connection);
  const entries = new TravelDocumentEntriesRepository(models.entries);
  const changes = new TravelDocumentChangeLog(models.changes, base.settings);
  return {
    deps: {
      ...base,
      participation: new ParticipationRepository(models.participation),
      rings: new RingsRepository(models.rings, models.grants),
      entries,
      changes,
      listed: new ListedSet({ entries, changes }),
      screenings: new ScreeningsRepository(models.screenings),
      cleared: new ClearedRepository(models.cleared),
    },
    async ensureIndexes() {
      for (const model of Object.values(models)) await model.createIndexes();
    },
  };
}
