import type { Alert } from '../../../shared/schemas/alerts.js';
import type { ApprovalUpdatedEvent } from '../../../shared/schemas/approvals.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { LivenessPrompt } from '../../../shared/schemas/liveness.js';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { RequestCaseView } from '../../../shared/schemas/requests.js';

/**
 * The alerts each module event makes: what the modules already tell open sockets, read for the
 * few fields an alert may carry. Each alert's id names the event and the person, so a repeated
 * event (a retried send, two nodes sweeping) is one alert.
 */

/**
 * A case changed: the side that did not take the step hears of it (a deputy acts for the
 * requested side; the server's own flags are alerts of their own). Request alerts are keyed by
 * side, not person: the focal point, their deputy and their national admin share one event.
 */
export function requestUpdatedAlert(
  userId: string,
  view: RequestCaseView,
  actorId: string | null | undefined,
  at: Date,
): Alert | undefined {
  if (!actorId || sideOf(view, actorId) === sideOf(view, userId)) return undefined;
  const arrived = view.transitions === 0;
  return requestAlert(arrived ? 'request.arrived' : 'request.step', `${view.transitions}`, userId, view, at);
}

function sideOf(view: RequestCaseView, userId: string): 'requester' | 'requested' {
  return view.requester.userId === userId ? 'requester' : 'requested';
}

export function requestReminderAlert(userId: string, view: RequestCaseView, at: Date): Alert {
  return requestAlert('request.reminder', `${at.getTime()}`, userId, view, at);
}

export function requestOverdueAlert(userId: string, view: RequestCaseView, at: Date): Alert {
  return requestAlert('request.overdue', 'flag', userId, view, at);
}

function requestAlert(kind: Alert['kind'], occurrence: string, userId: string, view: RequestCaseView, at: Date): Alert {
  // Anyone but the requester (the requested focal point, their deputy, their national admin) is on the requested side.
  const side = sideOf(view, userId);
  const mine = side === 'requester' ? view.requester : view.requested;
  const other = side === 'requester' ? view.requested : view.requester;
  return {
    id: `${kind}:${view.id}:${occurrence}:${side}`,
    kind,
    userId,
    state: mine.state,
    counterpartState: other.state,
    domain: view.domain,
    urgency: view.urgency,
    deadline: view.deadline,
    refs: { requestId: view.id, reference: view.reference, focalPointId: mine.userId },
    at: at.toISOString(),
  };
}

/** A free message reached the queue of `userId` (requests and their steps alert as requests; receipts never). */
export function messageArrivedAlert(userId: string, message: DeliveredMessage, at: Date): Alert | undefined {
  const { header } = message.envelope;
  if (header.kind !== 'message') return undefined;
  const mine = header.to.find((to) => to.userId === userId);
  return {
    id: `message.arrived:${message.id}:${userId}`,
    kind: 'message.arrived',
    userId,
    ...(mine ? { state: mine.state } : {}),
    counterpartState: header.from.state,
    domain: header.labels.domain,
    refs: { messageId: message.id },
    at: at.toISOString(),
  };
}

export function livenessPromptAlert(userId: string, prompt: LivenessPrompt, at: Date): Alert {
  return {
    // The half-way reminder of a scheduled check repeats the prompt: a second alert, not the first again.
    id: `liveness.prompt:${prompt.checkId}:${prompt.nonce}:${userId}${prompt.reminder ? ':reminder' : ''}`,
    kind: 'liveness.prompt',
    userId,
    deadline: prompt.deadline,
    refs: { checkId: prompt.checkId },
    at: at.toISOString(),
  };
}

/** An exchange waits for the holding state's national admins. */
export function approvalWaitingAlert(state: string, event: ApprovalUpdatedEvent, at: Date): Alert | undefined {
  if (event.status !== 'pending') return undefined;
  return {
    id: `approval.waiting:${event.id}:${state}`,
    kind: 'approval.waiting',
    state,
    refs: { approvalId: event.id },
    at: at.toISOString(),
  };
}

/** A policy version waits for a second signature: the state's national admins are told (the signer's own copy is harmless). */
export function policyCosignatureAlert(
  state: string,
  notice: { id: string; version: number; expiresAt: Date },
  at: Date,
): Alert {
  return {
    id: `policy.awaiting-cosignature:${notice.id}`,
    kind: 'policy.awaiting-cosignature',
    state,
    deadline: notice.expiresAt.toISOString(),
    refs: { policyVersion: notice.version },
    at: at.toISOString(),
  };
}

/** A network decision opened (every state's position is asked) or ended. */
export function consensusAlert(proposal: ProposalView, at: Date): Alert | undefined {
  // A revised document for comment reopens silence: every state hears of it, once per version.
  const revision = (proposal.documentVersion ?? 1) > 1 ? `:v${proposal.documentVersion}` : '';
  const opened = proposal.status === 'open' && (proposal.positions.length === 0 || revision !== '');
  if (proposal.status === 'open' && !opened) return undefined;
  const kind = opened ? 'consensus.opened' : 'consensus.decided';
  return {
    id: `${kind}:${proposal.id}${opened ? revision : ''}`,
    kind,
    ...(opened ? { deadline: proposal.deadline } : {}),
    refs: { proposalId: proposal.id },
    at: at.toISOString(),
  };
}

/** A network decision closes soon and `state` has given no position (silence may adopt it). */
export function consensusClosingAlert(proposal: ProposalView, state: string, at: Date): Alert {
  return {
    id: `consensus.closing:${proposal.id}:${state}`,
    kind: 'consensus.closing',
    state,
    deadline: proposal.deadline,
    refs: { proposalId: proposal.id },
    at: at.toISOString(),
  };
}
