import type { ReceivedMessage } from '../../../sdk/index';

/** The other people of a message, seen from me: one conversation per distinct set. */
export function counterpartsOf(message: ReceivedMessage): string[] {
  const ids = message.outgoing
    ? message.to.map((p) => p.userId)
    : [message.from.userId, ...message.to.map((p) => p.userId)];
  const mine = message.outgoing ? message.from.userId : undefined;
  return [...new Set(ids)].filter((id) => id !== mine).sort();
}

/** Counterparts without me (I am a recipient of incoming messages). */
export function conversationKey(message: ReceivedMessage, myId: string): string {
  return counterpartsOf(message)
    .filter((id) => id !== myId)
    .join(',');
}

/** Path of the thread with these people. */
export const threadPath = (key: string): string => `/messages/with/${key}`;

/** A thread opened at one message (a search result): the page reads older pages until it shows it. */
export const threadPathTo = (key: string, msgId: string): string =>
  `${threadPath(key)}?${new URLSearchParams({ show: msgId }).toString()}`;

/**
 * Free messages, oldest first, each once (history and live pushes overlap). Requests and their
 * steps travel in the same queue but have their own pages.
 */
export function mergeMessages(...lists: (readonly ReceivedMessage[])[]): ReceivedMessage[] {
  const byId = new Map<string, ReceivedMessage>();
  for (const list of lists) for (const message of list) if (message.kind === 'message') byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.storedAt.localeCompare(b.storedAt) || a.ts - b.ts);
}

/** Messages from others that I have not sent a read receipt for (as the conversation list counts them). */
export function unreadCount(
  messages: readonly ReceivedMessage[],
  receipted: ReadonlySet<string>,
  myId: string,
): number {
  return messages.filter(
    (message) => !message.outgoing && !receipted.has(message.msgId) && conversationKey(message, myId) !== '',
  ).length;
}
