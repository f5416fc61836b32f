import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { publicKeyBundle } from '../../../shared/crypto/keys.js';
import type { Audience } from '../../../shared/schemas/audience.js';
import {
  CircularPreview,
  CircularReadResult,
  CircularSent,
  ReceivedCirculars,
  SentCircular,
  SentCirculars,
  type ReceivedCircular,
} from '../../../shared/schemas/circulars.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import { ApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import type { CircularContent } from '../circulars/circular-content.js';
import { openCircular, type OpenedCircular } from '../circulars/open-circular.js';
import { sendCircularResealing } from '../circulars/send-circular.js';

/** Circulars: one sealed message from an admin to an audience, with a per-state read tally. */
export interface CircularsApi {
  /** Who it would reach now and which states are left out, with why. */
  preview(audience: Audience, labels: Labels): Promise<CircularPreview>;
  /** Previews, seals to exactly the recipients and sends; re-seals (same msgId) when the audience changed meanwhile. */
  send(input: { audience: Audience; labels: Labels; content: CircularContent }): Promise<CircularSent>;
  /** Posts an envelope sealed elsewhere (no re-sealing). */
  sendSealed(audience: Audience, envelope: Envelope): Promise<CircularSent>;
  /** The circulars addressed to me, unread first (still sealed). */
  received(): Promise<ReceivedCirculars>;
  /** Verifies and decrypts one received circular (or my own copy) with my unlocked keys. */
  open(circular: Pick<ReceivedCircular, 'id' | 'envelope' | 'sender'>): Promise<OpenedCircular>;
  /** Decrypts my own copy of a circular I sent (the tally view carries it for its sender). */
  openSent(circular: Pick<SentCircular, 'id' | 'envelope'>): Promise<OpenedCircular>;
  markRead(id: string): Promise<CircularReadResult>;
  /** Sent circulars with their read tallies (the secretariat: all; a national admin: their state's). */
  sent(): Promise<SentCirculars>;
  sentOne(id: string): Promise<SentCircular>;
}

export function circularsApi(session: SessionManager, keyStore: KeyStore, now: () => number): CircularsApi {
  const me = () => {
    const user = session.current()?.user;
    const unlocked = keyStore.get();
    if (!user || !unlocked || unlocked.username !== user.username)
      throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
    return { userId: user.id, keys: unlocked.keys };
  };
  const preview = (audience: Audience, labels: Labels) =>
    session.authed({
      method: 'POST',
      path: '/api/circulars/preview',
      body: { audience, labels },
      schema: CircularPreview,
    });
  const sendSealed = (audience: Audience, envelope: Envelope) =>
    session.authed({ method: 'POST', path: '/api/circulars', body: { audience, envelope }, schema: CircularSent });
  return {
    preview,
    sendSealed,
    send: async ({ audience, labels, content }) =>
      sendCircularResealing({ preview, post: sendSealed, me: me(), now }, { audience, labels, content }),
    received: () => session.authed({ method: 'GET', path: '/api/circulars/received', schema: ReceivedCirculars }),
    open: (circular) => openCircular(circular, me()),
    async openSent({ id, envelope }) {
      const mine = me();
      const user = session.current()?.user;
      if (!envelope || !user) throw new ApiError(0, 'client.keys-locked', 'only the sender reads their sent copy');
      const sender = {
        userId: mine.userId,
        state: user.state ?? null,
        role: user.role,
        keys: await publicKeyBundle(mine.keys),
        keyVersion: 1,
        verified: true,
      };
      return openCircular({ id, envelope, sender }, mine);
    },
    markRead: (id) =>
      session.authed({
        method: 'POST',
        path: `/api/circulars/${encodeURIComponent(id)}/read`,
        schema: CircularReadResult,
      }),
    sent: () => session.authed({ method: 'GET', path: '/api/circulars/sent', schema: SentCirculars }),
    sentOne: (id) =>
      session.authed({ method: 'GET', path: `/api/circulars/sent/${encodeURIComponent(id)}`, schema: SentCircular }),
  };
}
