import { z } from 'zod';
import { ApprovalView, type ApprovalStatus } from '../../../shared/schemas/approvals.js';
import { HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import { ApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import type { ContactKeyring } from '../messaging/contact-keys.js';
import { openHeld, type HeldExchange } from '../messaging/open-held.js';
import type { SessionManager } from '../session-manager.js';

export interface ApprovalsApi {
  /** Exchanges held by the admin's state's rules, oldest first; pending ones by default. */
  list(status?: ApprovalStatus): Promise<ApprovalView[]>;
  /** Approves for the admin's state; released once every holding state approved. */
  approve(id: string, comment?: string): Promise<ApprovalView>;
  /** Rejects for good; the sender is told why. */
  reject(id: string, comment: string): Promise<ApprovalView>;
  /** The held exchange's ciphertext (national admins who may decide, when the sender sealed it to them). */
  heldEnvelope(id: string): Promise<HeldEnvelopeView>;
  /** Fetches, verifies and decrypts the held exchange with the admin's unlocked keys. */
  readHeld(id: string): Promise<HeldExchange>;
}

export function approvalsApi(
  session: SessionManager,
  reader?: { keyStore: KeyStore; keyring: ContactKeyring },
): ApprovalsApi {
  const path = (id: string, verdict: 'approve' | 'reject' | 'envelope'): string =>
    `/api/approvals/${encodeURIComponent(id)}/${verdict}`;
  const heldEnvelope = (id: string) =>
    session.authed({ method: 'GET', path: path(id, 'envelope'), schema: HeldEnvelopeView });
  return {
    list: (status = 'pending') =>
      session.authed({ method: 'GET', path: '/api/approvals', query: { status }, schema: z.array(ApprovalView) }),
    approve: (id, comment) =>
      session.authed({
        method: 'POST',
        path: path(id, 'approve'),
        body: comment === undefined ? {} : { comment },
        schema: ApprovalView,
      }),
    reject: (id, comment) =>
      session.authed({ method: 'POST', path: path(id, 'reject'), body: { comment }, schema: ApprovalView }),
    heldEnvelope,
    async readHeld(id) {
      const user = session.current()?.user;
      const unlocked = reader?.keyStore.get();
      if (!reader || !user || !unlocked || unlocked.username !== user.username)
        throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
      return openHeld(await heldEnvelope(id), { userId: user.id, keys: unlocked.keys }, reader.keyring);
    },
  };
}
