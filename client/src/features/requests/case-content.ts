import type { RequestCaseDetail } from '../../../../shared/schemas/requests';
import type { FocalNetClient, ReceivedMessage, RejectedEnvelope } from '../../../sdk/index';
import { openDelivered } from '../../../sdk/messaging/open-delivered';

const PAGE = 100;
const MAX_PAGES = 20;

export interface CaseContent {
  /** Decrypted envelopes of the case by server id: the request (case id) and each step's message. */
  messages: ReadonlyMap<string, ReceivedMessage>;
  rejected: RejectedEnvelope[];
  /** Envelopes of the case not found in my history (deleted after their retention, or never mine). */
  missing: string[];
}

/**
 * Decrypts the envelopes of one case here: pages back through my history with the counterpart
 * until every message of the case is found. Only the two focal points (and the deputies it was
 * also sealed to) can; anyone else gets everything as `missing`.
 */
export async function loadCaseContent(client: FocalNetClient, detail: RequestCaseDetail): Promise<CaseContent> {
  const user = client.session.current()?.user;
  const unlocked = client.keyStore.get();
  const wanted = new Set([detail.id, ...detail.history.map((step) => step.messageId)]);
  const messages = new Map<string, ReceivedMessage>();
  const rejected: RejectedEnvelope[] = [];
  const deputy = detail.deputies?.some((d) => d.userId === user?.id) ?? false;
  const party = user && (user.id === detail.requester.userId || user.id === detail.requested.userId || deputy);
  if (!user || !party || !unlocked || unlocked.username !== user.username)
    return { messages, rejected, missing: [...wanted] };
  // Every envelope of the case has the requester among its participants (a deputy's steps go to them).
  const counterpart = user.id === detail.requester.userId ? detail.requested.userId : detail.requester.userId;
  let before: string | undefined;
  for (let page = 0; page < MAX_PAGES && wanted.size > 0; page++) {
    const raw = await client.messages.history({
      with: counterpart,
      limit: PAGE,
      ...(before === undefined ? {} : { before }),
    });
    for (const delivered of raw) {
      if (!wanted.has(delivered.id)) continue;
      const opened = await openDelivered(delivered, { userId: user.id, keys: unlocked.keys }, client.contactKeys);
      wanted.delete(delivered.id);
      if (opened.ok) messages.set(delivered.id, opened.message);
      else rejected.push(opened.rejected);
    }
    const oldest = raw.at(-1);
    if (raw.length < PAGE || !oldest) break;
    before = oldest.storedAt;
  }
  return { messages, rejected, missing: [...wanted] };
}
