import { z } from 'zod';
import { Urgency } from '../requests/header-fields.js';
import { Id } from './accounts.js';
import { DomainCode, StateCode } from './labels.js';

/**
 * What FocalNet tells people and national systems outside the app (e-mail, webhooks). An alert
 * is metadata only: what happened, between which states, how urgent, until when, and ids to
 * fetch the rest with — never content, names of persons concerned, or labels beyond the domain.
 */
export const ALERT_KINDS = [
  'request.arrived',
  'request.step',
  'request.reminder',
  'request.overdue',
  'message.arrived',
  'liveness.prompt',
  'approval.waiting',
  'policy.awaiting-cosignature',
  'consensus.opened',
  'consensus.closing',
  'consensus.decided',
  'event.registration-closing',
  'event.starting',
  'event.changed',
  'training.requested',
  'training.answered',
  'circular.arrived',
  'dual-control.waiting',
  /** A client could not verify the audit log (shortened, rewritten, badly signed). */
  'audit-log.discrepancy',
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

/** The kinds a person may choose to receive whatever their quiet hours say. */
export const ALWAYS_ELIGIBLE: readonly AlertKind[] = [
  'request.arrived',
  'request.overdue',
  'liveness.prompt',
  'audit-log.discrepancy',
];

export const AlertRefs = z
  .object({
    requestId: Id.optional(),
    /** The case reference officers quote (`KZ→RU-2026-0042`): states, year and number only. */
    reference: z.string().optional(),
    messageId: Id.optional(),
    /** Request alerts: the focal point on the side concerned (also when the alert is for their national admin or deputy). */
    focalPointId: Id.optional(),
    checkId: Id.optional(),
    approvalId: Id.optional(),
    /** A policy version waiting for a second national admin's signature: its number. */
    policyVersion: z.number().int().positive().optional(),
    proposalId: Id.optional(),
    /** Events calendar: the event concerned. */
    eventId: Id.optional(),
    trainingRequestId: Id.optional(),
    circularId: Id.optional(),
    /** An action that waits for a second approver (server/modules/dual-control). */
    dualControlId: Id.optional(),
  })
  .strict();
export type AlertRefs = z.infer<typeof AlertRefs>;

export const Alert = z
  .object({
    /** Stable for one event and one person: the same event raised twice is one alert. */
    id: z.string().min(1).max(200),
    kind: AlertKind,
    /** The person concerned; absent when the alert is for a state's national admins or the network's. */
    userId: Id.optional(),
    /** The state concerned (the person's, or the holding state's); absent for network-wide alerts. */
    state: StateCode.optional(),
    counterpartState: StateCode.optional(),
    domain: DomainCode.optional(),
    urgency: Urgency.optional(),
    deadline: z.iso.datetime().optional(),
    refs: AlertRefs,
    at: z.iso.datetime(),
  })
  .strict();
export type Alert = z.infer<typeof Alert>;

/** True for a request's first arrival and anything past or near a deadline that must not wait for a digest. */
export function isUrgentAlert(alert: Pick<Alert, 'kind' | 'urgency'>): boolean {
  if (alert.kind === 'request.overdue' || alert.kind === 'liveness.prompt') return true;
  return alert.urgency === 'urgent';
}
