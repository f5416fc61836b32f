import { CircularArrivedEvent } from './circulars.js';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../events.js';
import { PersonUpdatedEvent } from './accounts.js';
import { ApprovalUpdatedEvent } from './approvals.js';
import { ProposalView } from './consensus.js';
import { LivenessAck, LivenessPrompt } from './liveness.js';
import {
  AckInput,
  BacklogPage,
  DeliveredMessage,
  FetchBacklogInput,
  MessageStatusEvent,
  SendMessageInput,
  SendMessageResult,
} from './messaging.js';
import { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from './requests.js';
import { PingRequest, PingResponse, ReadyResponse } from './system.js';

/** An event a client sends: its payload, and the data of a successful acknowledgement. */
export interface ClientEventSpec {
  summary: string;
  payload: z.ZodType;
  answer: z.ZodType;
}

/** An event the server pushes: its payload (none for a nudge). */
export interface ServerEventSpec {
  summary: string;
  payload: z.ZodType | null;
}

/**
 * Every socket event with its schemas, at run time: the source of the AsyncAPI document
 * (/api/asyncapi.json). `satisfies` keeps it in step with the typed maps of events.ts: an event
 * missing here, or one that does not exist there, fails the typecheck.
 */
export const CLIENT_EVENTS = {
  'system:ping': { summary: "Round trip and the server's clock.", payload: PingRequest, answer: PingResponse },
  'liveness:ack': {
    summary: 'A focal point answers a liveness prompt with a signature by its identity key.',
    payload: LivenessAck,
    answer: z.object({ outcome: z.enum(['answered', 'late']) }),
  },
  'message:send': {
    summary:
      'Send a sealed envelope; acknowledged only after it is durably stored. A retry with the same msgId returns the same id.',
    payload: SendMessageInput,
    answer: SendMessageResult,
  },
  'message:fetch': {
    summary: 'The next page of unacknowledged messages, oldest first.',
    payload: FetchBacklogInput,
    answer: BacklogPage,
  },
  'message:ack': {
    summary: 'The client has these messages: they leave the queue and "delivered" is recorded.',
    payload: AckInput,
    answer: z.object({ acknowledged: z.number().int().nonnegative() }),
  },
} satisfies Record<keyof ClientToServerEvents, ClientEventSpec>;

export const SERVER_EVENTS = {
  'system:status': { summary: "The server's readiness changed.", payload: ReadyResponse },
  'liveness:prompt': {
    summary: 'A liveness check asks this focal point to answer with a signature.',
    payload: LivenessPrompt,
  },
  'message:new': {
    summary: 'A new message for this user; it also stays queued until acknowledged.',
    payload: DeliveredMessage,
  },
  'message:status': {
    summary: 'A recipient received my message, or a held one was released, rejected or expired.',
    payload: MessageStatusEvent,
  },
  'request:updated': {
    summary: 'A request case this user takes part in was created or moved.',
    payload: RequestCaseView,
  },
  'request:reminder': {
    summary: 'A request this focal point must answer nears its deadline.',
    payload: RequestReminderEvent,
  },
  'request:overdue': { summary: 'A request went past its deadline unanswered.', payload: RequestOverdueEvent },
  'approval:updated': {
    summary: "A held exchange of the admin's state was filed, decided on or settled.",
    payload: ApprovalUpdatedEvent,
  },
  'people:updated': {
    summary: 'A person this admin is responsible for registered, changed keys or status.',
    payload: PersonUpdatedEvent,
  },
  'consensus:updated': {
    summary: 'A network decision was proposed, answered, ended or withdrawn.',
    payload: ProposalView,
  },
  'circular:new': {
    summary: 'A circular addressed to me arrived: list it with GET /api/circulars/received.',
    payload: CircularArrivedEvent,
  },
  'sync:behind': {
    summary:
      'This socket fell behind and pushes to it were left out: read the state again (drain the queue, reload lists).',
    payload: null,
  },
} satisfies Record<keyof ServerToClientEvents, ServerEventSpec>;
