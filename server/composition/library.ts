import type { Connection } from 'mongoose';
import {
  libraryFileChunkModel,
  libraryFileModel,
  libraryItemModel,
  libraryVersionModel,
  shelfGrantModel,
  shelfModel,
} from '../db/models/library.model.js';
import {
  LibraryFilesRepository,
  LibraryItemsRepository,
  ShelvesRepository,
} from '../db/repositories/library.repository.js';
import type { LibraryDeps } from '../modules/library/library-deps.js';

/** The shared library's stores over the connection, with what it reads of the rest. */
export function composeLibrary(
  connection: Connection,
  base: Omit<LibraryDeps, 'shelves' | 'items' | 'files'>,
): { deps: LibraryDeps; ensureIndexes(): Promise<void> } {
  const models = [
    shelfModel(connection),
    shelfGrantModel(connection),
    libraryItemModel(connection),
    libraryVersionModel(connection),
    libraryFileModel(connection),
    libraryFileChunkModel(connection),
  ] as const;
  const [shelves, grants, items, versions, files, chunks] = models;
  return {
    deps: {
      ...base,
      shelves: new ShelvesRepository(shelves, grants),
      items: new LibraryItemsRepository(items, versions),
      files: new LibraryFilesRepository(files, chunks),
    },
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
  };
}
