import type { DocumentFileInput } from '../../../sdk/index';
import type { DocumentMeta } from '../../../../shared/schemas/document-meta';

/** The adopted text as the secretariat's browser decrypted it, for the shared library to seal to its own audience. */
export interface FinalDocument {
  proposalId: string;
  version: number;
  meta: DocumentMeta;
  title: string;
  text: string;
  files: DocumentFileInput[];
  adoptedAt: string | null;
}

/** Files the document in the shared library and answers the new item's id (provided by the library's feature). */
export type FileInLibrary = (document: FinalDocument) => Promise<string>;
