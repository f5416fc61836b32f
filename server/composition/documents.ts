import type { Connection } from 'mongoose';
import { documentModels } from '../db/models/document.model.js';
import { DocumentFilesRepository, DocumentsRepository } from '../db/repositories/documents.repository.js';
import type { DocumentsDeps } from '../modules/documents/documents-deps.js';

/** Documents for comment over one connection: their stores, on top of consensus and the directory. */
export function composeDocuments(
  connection: Connection,
  deps: Omit<DocumentsDeps, 'documents' | 'files'>,
): { deps: DocumentsDeps; ensureIndexes(): Promise<void> } {
  const models = documentModels(connection);
  return {
    deps: { ...deps, documents: new DocumentsRepository(models), files: new DocumentFilesRepository(models) },
    async ensureIndexes() {
      for (const model of Object.values(models)) await model.createIndexes();
    },
  };
}
