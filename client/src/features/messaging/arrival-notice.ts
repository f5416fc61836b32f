import { isRequestKind } from '../../../../shared/requests/templates';
import type { ReceivedMessage } from '../../../sdk/index';

/**
 * What an OS notification says of an arrival: its kind and the sender's state, never its content
 * (a notification outlives the tab, and the screen may be seen by others). Own sends and other
 * kinds (receipts) say nothing.
 */
export type ArrivalNotice = { key: 'message' | 'request' | 'request-step'; state: string; path: string };

export function arrivalNotice(
  message: ReceivedMessage,
  threadPath: (message: ReceivedMessage) => string,
): ArrivalNotice | undefined {
  if (message.outgoing) return undefined;
  const state = message.from.state;
  if (message.kind === 'message') return { key: 'message', state, path: threadPath(message) };
  // A new request's case has the id of the message that opened it.
  if (isRequestKind(message.kind)) return { key: 'request', state, path: `/requests/${message.id}` };
  if (message.kind === 'request:transition') return { key: 'request-step', state, path: '/requests' };
  return undefined;
}

const preferenceKey = (userId: string): string => `focalnet.notifications.${userId}`;

/** The person's choice on this computer (a preference, not a secret: localStorage is fine). */
export const notificationsWanted = (userId: string): boolean => localStorage.getItem(preferenceKey(userId)) === 'on';
export function setNotificationsWanted(userId: string, on: boolean): void {
  if (on) localStorage.setItem(preferenceKey(userId), 'on');
  else localStorage.removeItem(preferenceKey(userId));
}
