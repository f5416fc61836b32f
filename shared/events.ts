import type { CircularArrivedEvent } from './schemas/circulars.js';
import type { Ack } from './errors.js';
import type { PersonUpdatedEvent } from './schemas/accounts.js';
import type { ApprovalUpdatedEvent } from './schemas/approvals.js';
import type { ProposalView } from './schemas/consensus.js';
import type { LivenessAck, LivenessPrompt } from './schemas/liveness.js';
import type {
  AckInput,
  BacklogPage,
  DeliveredMessage,
  FetchBacklogInput,
  MessageStatusEvent,
  SendMessageInput,
  SendMessageResult,
} from './schemas/messaging.js';
import type { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from './schemas/requests.js';
import type { PingRequest, PingResponse, ReadyResponse } from './schemas/system.js';

/**
 * Typed socket.io event maps. Names are `area:verb`; every client event takes one argument
 * (validated by its zod schema on the server) and an acknowledgement callback.
 */
export interface ClientToServerEvents {
  'system:ping': (input: PingRequest, ack: (result: Ack<PingResponse>) => void) => void;
  'liveness:ack': (input: LivenessAck, ack: (result: Ack<{ outcome: 'answered' | 'late' }>) => void) => void;
  /** Acknowledged only after the envelope is durably stored; a retry with the same msgId returns the same id. */
  'message:send': (input: SendMessageInput, ack: (result: Ack<SendMessageResult>) => void) => void;
  /** The next page of unacknowledged messages, oldest first. */
  'message:fetch': (input: FetchBacklogInput, ack: (result: Ack<BacklogPage>) => void) => void;
  'message:ack': (input: AckInput, ack: (result: Ack<{ acknowledged: number }>) => void) => void;
}

export interface ServerToClientEvents {
  'system:status': (status: ReadyResponse) => void;
  /** A liveness check asks this focal point to answer with a signature. */
  'liveness:prompt': (prompt: LivenessPrompt) => void;
  /** A new message for this user; until it is acknowledged it also stays in the queue (message:fetch). */
  'message:new': (message: DeliveredMessage) => void;
  /** Delivered to a recipient, or a held message released / rejected / expired. */
  'message:status': (event: MessageStatusEvent) => void;
  /** A request case this user takes part in was created or moved (both sides, at once). */
  'request:updated': (request: RequestCaseView) => void;
  /** A request this focal point must answer nears its deadline. */
  'request:reminder': (event: RequestReminderEvent) => void;
  /** A request went past its deadline unanswered: to the requested focal point and their national admins. */
  'request:overdue': (event: RequestOverdueEvent) => void;
  /** A held exchange of the admin's state was filed, decided on by a state, or settled (to that state's national admins). */
  'approval:updated': (event: ApprovalUpdatedEvent) => void;
  /** A person this admin is responsible for registered, changed keys, or changed status. */
  'people:updated': (event: PersonUpdatedEvent) => void;
  /** A network decision was proposed, answered, ended or withdrawn (to every administrator). */
  'consensus:updated': (proposal: ProposalView) => void;
  /**
   * This socket fell too far behind, so pushes to it were left out: read the state from the
   * server again (drain the message queue, reload the lists on screen). Sent after every push
   * the socket was given, so nothing left out is older than the read it triggers.
   */
  /** A circular addressed to me arrived (list them with GET /api/circulars/received). */
  'circular:new': (event: CircularArrivedEvent) => void;
  'sync:behind': () => void;
}

export type ClientEventName = keyof ClientToServerEvents;
