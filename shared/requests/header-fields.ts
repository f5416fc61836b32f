import { z } from 'zod';

/**
 * The request metadata a signed envelope header carries (the server reads it; everything else
 * of a request travels encrypted in the payload). Kept apart from envelope-format.ts so the
 * lifecycle and the API schemas can use the enums without importing the crypto code.
 */

export const URGENCIES = ['urgent', 'standard', 'routine'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** What either side does to a request case; each is one signed 'request:transition' envelope. */
export const REQUEST_ACTIONS = [
  'acknowledge',
  'request-clarification',
  'clarify',
  'answer',
  'answer-partially',
  'decline',
  'close',
  'withdraw',
] as const;
export const RequestAction = z.enum(REQUEST_ACTIONS);
export type RequestAction = z.infer<typeof RequestAction>;

/** Why a request is declined (the explanation, if any, is encrypted in the payload). */
export const DECLINE_REASONS = [
  'outside-mandate',
  'national-law',
  'no-information-held',
  'insufficient-information',
  'ongoing-investigation',
  'disclosure-policy',
  'other',
] as const;
export const DeclineReason = z.enum(DECLINE_REASONS);
export type DeclineReason = z.infer<typeof DeclineReason>;

/** Why an answer comes after the deadline. */
export const LATE_REASONS = [
  'workload',
  'awaiting-other-authority',
  'clarification-delay',
  'legal-procedure',
  'technical',
  'other',
] as const;
export const LateReason = z.enum(LATE_REASONS);
export type LateReason = z.infer<typeof LateReason>;

export const CONSENT_OUTCOMES = ['granted', 'refused'] as const;
export const ConsentOutcome = z.enum(CONSENT_OUTCOMES);
export type ConsentOutcome = z.infer<typeof ConsentOutcome>;

/**
 * A request goes to one focal point and, while they are away, also to their deputy (one at a
 * time); a step goes to the other side first, then to the case's other people.
 */
export const MAX_CASE_DEPUTIES = 1;
const MAX_REQUEST_RECIPIENTS = 1 + MAX_CASE_DEPUTIES;
const MAX_STEP_RECIPIENTS = 2 + MAX_CASE_DEPUTIES;

/** Longest deadline a requester may set: one year. */
export const MAX_DEADLINE_MS = 366 * 86_400_000;

/** Header field of every request:* envelope except 'request:transition'. */
export const RequestHeaderField = z
  .object({
    urgency: Urgency,
    /** ms since the Unix epoch; absent → the urgency's default (see lifecycle.ts DEFAULT_DEADLINE_MS). */
    deadline: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();
export type RequestHeaderField = z.infer<typeof RequestHeaderField>;

/** Header field of a 'request:transition' envelope; `requestRef` names the case. */
export const RequestStepField = z
  .object({
    action: RequestAction,
    /** Required when action is 'decline', forbidden otherwise. */
    reasonCode: DeclineReason.optional(),
    /** Required (checked by the server, which knows the deadline) on an answer after the deadline. */
    lateReason: LateReason.optional(),
    /** Required when answering a consent request, forbidden otherwise. */
    consent: ConsentOutcome.optional(),
  })
  .strict();
export type RequestStepField = z.infer<typeof RequestStepField>;

interface RequestHeaderShape {
  kind: string;
  to: readonly unknown[];
  labels: { evaluation?: string | undefined };
  requestRef?: string | undefined;
  request?: RequestHeaderField | undefined;
  step?: RequestStepField | undefined;
}

/**
 * Which header fields each kind needs (part of EnvelopeHeader's validation): a request names
 * its urgency and goes to ONE focal point (one case each, so every state's policy decides
 * apart), plus their deputy while they are away; a transition names its step and case; answers carry an evaluation code; a decline
 * its reason code; a consent request names the case whose answer it concerns.
 */
export function checkRequestHeader(header: RequestHeaderShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  const isRequest = header.kind.startsWith('request:') && header.kind !== 'request:transition';
  const isTransition = header.kind === 'request:transition';
  if (isRequest && !header.request) issue(['request'], 'a request names its urgency');
  if (!isRequest && header.request) issue(['request'], 'only requests carry request metadata');
  if (isTransition && !header.step) issue(['step'], 'a request transition names its step');
  if (!isTransition && header.step) issue(['step'], 'only request transitions carry a step');
  if (isRequest && header.to.length > MAX_REQUEST_RECIPIENTS)
    issue(['to'], 'a request goes to one focal point (and their deputy while they are away); send one per recipient');
  if (isTransition && header.to.length > MAX_STEP_RECIPIENTS)
    issue(['to'], 'a transition goes to the people of its case only');
  if (isTransition && !header.requestRef) issue(['requestRef'], 'a transition names its request case');
  if (header.kind === 'request:consent' && !header.requestRef)
    issue(['requestRef'], 'a consent request names the request case whose answer it concerns');
  const step = header.step;
  if (!step) return;
  if ((step.action === 'decline') !== (step.reasonCode !== undefined))
    issue(['step', 'reasonCode'], 'a decline, and only a decline, carries a reason code');
  const answering = step.action === 'answer' || step.action === 'answer-partially';
  if (!answering && step.lateReason !== undefined) issue(['step', 'lateReason'], 'only answers carry a late reason');
  if (!answering && step.consent !== undefined)
    issue(['step', 'consent'], 'only an answer to a consent request carries a consent outcome');
  if (answering && step.consent === undefined && header.labels.evaluation === undefined)
    issue(['labels', 'evaluation'], 'an answer carries an evaluation code (source A/B/C/X × accuracy 1-4)');
}
