import type { FocalNetClient } from '../../../sdk/index';
import type { Audience } from '../../../../shared/schemas/audience';
import type { FileInLibrary, FinalDocument } from '../documents/library-hook';

/**
 * Where an adopted document is filed: the shelf of the one domain it concerns (its focal points,
 * the admins of the states taking part, the secretariat), or the whole network's.
 */
export function adoptedDocumentAudience(document: Pick<FinalDocument, 'meta'>): Audience {
  const [domain] = document.meta.domains;
  return document.meta.domains.length === 1 && domain ? { kind: 'domain', domain } : { kind: 'everyone' };
}

/**
 * Connects documents for comment to the shared library: the secretariat's browser, which has just
 * decrypted the adopted text, seals it again as a library item for the shelf's readers.
 */
export function fileAdoptedDocument(client: FocalNetClient): FileInLibrary {
  return async (document) => {
    const audience = adoptedDocumentAudience(document);
    const item = await client.library.publish({
      audience,
      kind: 'adopted-document',
      ...(audience.kind === 'domain' ? { domain: audience.domain } : {}),
      language: document.meta.languages[0] ?? 'en',
      title: document.title,
      tags: [document.meta.kind],
      text: document.text,
      files: document.files,
      refs: { proposalId: document.proposalId },
    });
    return item.id;
  };
}
