import { z } from 'zod';
import { SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { base64UrlBytes } from '../../../shared/crypto/encoding.js';

/** What a client keeps of the audit log for one person: the key it pinned and the newest head it verified. */
export const SavedAuditLog = z.object({
  /** The log key pinned on first use (Ed25519, 32 bytes base64url). */
  logKey: base64UrlBytes(32),
  /** The newest head this client verified (signature, and consistency with the one before). */
  head: SignedTreeHead,
  /** The size of the newest head this client co-signed as a witness (national admins). */
  witnessedSize: z.number().int().min(0).optional(),
  /** The discrepancy this client last reported from `head`: the same one found again is not reported again. */
  reported: z.object({ kind: z.string(), savedSize: z.number().int().min(0), savedRoot: z.string() }).optional(),
});
export type SavedAuditLog = z.infer<typeof SavedAuditLog>;

/**
 * Where the verified head survives between sign-ins, per user id. Heads and the log key are
 * public; what matters is that the server cannot change them (a browser keeps them in
 * localStorage, a Node program in a file).
 */
export interface AuditHeadStore {
  load(userId: string): Promise<SavedAuditLog | undefined>;
  save(userId: string, saved: SavedAuditLog): Promise<void>;
}

/** Heads in this process's memory only: the default (each new client pins again). */
export function memoryAuditHeadStore(): AuditHeadStore {
  const saved = new Map<string, SavedAuditLog>();
  return {
    load: (userId) => Promise.resolve(saved.get(userId)),
    save: (userId, value) => {
      saved.set(userId, value);
      return Promise.resolve();
    },
  };
}
