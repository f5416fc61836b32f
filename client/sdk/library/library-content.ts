import { z } from 'zod';
import type { LibraryAuthor, LibraryItemView, LibraryKind, LibraryRefs } from '../../../shared/schemas/library.js';
import type { Audience } from '../../../shared/schemas/audience.js';

/** A file of a version, as its metadata names it (sealed): what opens and checks its ciphertext. */
export const LibraryFileEntry = z.object({
  id: z.string(),
  name: z.string().max(255),
  type: z.string().max(255),
  /** Plaintext bytes. */
  size: z.number().int().nonnegative(),
  fileKey: z.string(),
  header: z.string(),
  /** BLAKE2b-256 of the uploaded ciphertext. */
  hash: z.string(),
});
export type LibraryFileEntry = z.infer<typeof LibraryFileEntry>;

/** The sealed metadata of a version. */
export const LibraryMeta = z.object({
  title: z.string().min(1).max(300),
  summary: z.string().max(4000),
  tags: z.array(z.string().min(1).max(60)).max(30),
  format: z.enum(['markdown', 'plain']),
  files: z.array(LibraryFileEntry),
});
export type LibraryMeta = z.infer<typeof LibraryMeta>;

/** A file to publish: encrypted here, only ciphertext is uploaded. */
export interface LibraryFileInput {
  readonly name: string;
  readonly type?: string;
  readonly bytes: Uint8Array;
}

/** The content of one version, before sealing. */
export interface LibraryVersionInput {
  language: string;
  title: string;
  summary?: string;
  tags?: string[];
  /** Markdown (default) or plain text; may be empty when files carry the content. */
  text?: string;
  format?: 'markdown' | 'plain';
  files?: readonly LibraryFileInput[];
}

/** A new item: where it goes and what it is, with its first version. Usable from any feature. */
export interface LibraryPublishInput extends LibraryVersionInput {
  audience: Audience;
  kind: LibraryKind;
  /** Required on a domain's shelf only as that domain; optional elsewhere. */
  domain?: string;
  refs?: LibraryRefs;
}

/** A version as a reader sees it: opened and checked, or why it cannot be. */
export type OpenedVersion =
  | {
      state: 'open';
      version: number;
      epoch: number;
      language: string;
      title: string;
      summary: string;
      tags: string[];
      format: 'markdown' | 'plain';
      text: string;
      files: LibraryFileEntry[];
      author: LibraryAuthor;
      createdAt: string;
    }
  /** No key for its epoch yet: another reader's client will share it. */
  | { state: 'locked'; version: number; epoch: number; author: LibraryAuthor; createdAt: string }
  /** The signature does not verify or a ciphertext does not open: not shown. */
  | { state: 'invalid'; version: number; epoch: number; author: LibraryAuthor; createdAt: string; reason: string };

export type OpenedItem = Omit<LibraryItemView, 'latest'> & { latest: OpenedVersion };
export type OpenedItemDetail = OpenedItem & { versions: OpenedVersion[] };
