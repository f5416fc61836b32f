import { z } from 'zod';
import { LanguageCode } from './directory.js';
import { DomainCode } from './labels.js';

/** What sort of document is put to the states: a closed list, labelled in EN/RU by the client. */
export const DOCUMENT_KINDS = [
  'action-plan',
  'terms-of-reference',
  'joint-statement',
  'rules-of-procedure',
  'report',
  'guidelines',
  'other',
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * The plaintext the server sees of a document for comment: its kind, the domains it concerns and
 * its languages. Never its title or text (sealed in the client).
 */
export const DocumentMeta = z
  .object({
    kind: DocumentKind,
    /** Empty: it concerns the network as a whole. */
    domains: z.array(DomainCode).max(12),
    languages: z.array(LanguageCode).min(1).max(6),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMeta>;
