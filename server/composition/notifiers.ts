import type { PeopleNotifier } from '../modules/accounts/accounts-deps.js';
import type { ConsensusNotifier } from '../modules/consensus/consensus-deps.js';
import type { LivenessNotifier } from '../modules/liveness/liveness-deps.js';
import type { MessageNotifier } from '../modules/messaging/messaging-deps.js';
import type { ApprovalNotifier } from '../modules/policies/policies-deps.js';
import type { RequestNotifier } from '../modules/requests/requests-deps.js';
import type { CircularNotifier } from '../modules/circulars/circulars-deps.js';
import type { DutyRoster } from '../modules/directory/duty-roster.js';
import type { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../shared/schemas/requests.js';
import type { Pusher } from '../realtime/push.js';
import { ADMINS_ROOM, responsibleAdminsRoom, stateAdminsRoom, userRoom } from '../realtime/socket-auth.js';

export interface Notifiers {
  livenessNotifier: LivenessNotifier;
  messageNotifier: MessageNotifier;
  requestNotifier: RequestNotifier;
  consensusNotifier: ConsensusNotifier;
  approvalNotifier: ApprovalNotifier;
  peopleNotifier: PeopleNotifier;
  circularNotifier: CircularNotifier;
}

/** What each module tells people, as socket pushes to the rooms of those concerned. */
export function pushNotifiers(pusher: Pusher): Notifiers {
  return {
    livenessNotifier: { prompt: (userId, prompt) => pusher.push(userRoom(userId), 'liveness:prompt', prompt) },
    messageNotifier: {
      deliver: (userId, message) => pusher.push(userRoom(userId), 'message:new', message),
      status: (userId, event) => pusher.push(userRoom(userId), 'message:status', event),
    },
    requestNotifier: {
      updated: (userId, request) => pusher.push(userRoom(userId), 'request:updated', request),
      reminder: (userId, event) => pusher.push(userRoom(userId), 'request:reminder', event),
      overdue: (userId, event) => pusher.push(userRoom(userId), 'request:overdue', event),
    },
    consensusNotifier: {
      updated: (proposal) => pusher.push(ADMINS_ROOM, 'consensus:updated', proposal),
      // Open pages already count proposals awaiting the state's position; the notice is for those away.
      closing: () => undefined,
    },
    approvalNotifier: { updated: (state, event) => pusher.push(stateAdminsRoom(state), 'approval:updated', event) },
    peopleNotifier: {
      updated: (person) =>
        pusher.push(responsibleAdminsRoom(person), 'people:updated', { id: person.id, status: person.status }),
    },
    circularNotifier: { arrived: (userId, event) => pusher.push(userRoom(userId), 'circular:new', event) },
  };
}

/**
 * While a requested focal point is away, their deputy gets the case's pushes too (updates,
 * reminders, overdue). Asked at each push, so coming back stops it at once. Not liveness
 * prompts: only the person themselves answers those.
 */
export function withDeputies(
  notifier: RequestNotifier,
  roster: DutyRoster,
  onError: (error: unknown) => void,
): RequestNotifier {
  const alsoToDeputies =
    <E, R extends unknown[]>(
      send: (userId: string, event: E, ...rest: R) => void,
      caseOf: (event: E) => RequestCaseView,
      sentToCase = false,
    ) =>
    (userId: string, event: E, ...rest: R): void => {
      send(userId, event, ...rest);
      const view = caseOf(event);
      if (view.requested.userId !== userId) return;
      // A deputy on the case itself is told its updates already (requests' notifyParties).
      const told = new Set(sentToCase ? (view.deputies ?? []).map((d) => d.userId) : []);
      roster
        .deputiesOf(userId)
        .then(
          (deputies) => deputies.filter((d) => !told.has(d)).forEach((deputy) => send(deputy, event, ...rest)),
          onError,
        );
    };
  return {
    updated: alsoToDeputies(notifier.updated.bind(notifier), (view: RequestCaseView) => view, true),
    reminder: alsoToDeputies(notifier.reminder.bind(notifier), (event: RequestReminderEvent) => event.case),
    overdue: alsoToDeputies(notifier.overdue.bind(notifier), (event: RequestOverdueEvent) => event.case),
  };
}
