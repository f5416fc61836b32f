import { z } from 'zod';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';

/** Actions that take two people: the first asks (or compared the safety number), a second approves. */
export const DUAL_CONTROL_KINDS = [
  'activate-national-admin',
  'suspend-national-admin',
  'reactivate-national-admin',
  'remove-national-admin',
  // Secretariat members, once the secretariat has a second member who can approve (see manage-users.ts).
  'activate-secretariat-member',
  'suspend-secretariat-member',
  'reactivate-secretariat-member',
  'remove-secretariat-member',
] as const;
export const DualControlKind = z.enum(DUAL_CONTROL_KINDS);
export type DualControlKind = z.infer<typeof DualControlKind>;

export const DUAL_CONTROL_STATUSES = ['pending', 'approved', 'refused', 'expired', 'cancelled'] as const;
export const DualControlStatus = z.enum(DUAL_CONTROL_STATUSES);
export type DualControlStatus = z.infer<typeof DualControlStatus>;

/**
 * What the first person asked for, as the second will see it: for an activation the key version
 * whose safety number they compared, for a suspension the reason.
 */
export const DualControlPayload = z
  .object({
    keyVersion: z.number().int().positive().optional(),
    safetyNumberCompared: z.literal(true).optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();
export type DualControlPayload = z.infer<typeof DualControlPayload>;

export const DualControlRequestView = z.object({
  id: Id,
  kind: DualControlKind,
  subjectId: Id,
  subjectName: z.string(),
  /** The subject's state: its active national admins may be the second approver. */
  state: StateCode,
  payload: DualControlPayload,
  requestedBy: Id,
  requestedByName: z.string(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: DualControlStatus,
  decidedBy: Id.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  /** Why it was refused or cancelled (or why carrying it out failed), when it was. */
  comment: z.string().nullable(),
  /** The caller may approve or refuse it now. */
  youMayDecide: z.boolean(),
  /**
   * How many people could approve it now (other secretariat members, the state's active national
   * admins). 0: it waits until one exists — e.g. a network with one secretariat member activating a
   * state's first national admin.
   */
  approversAvailable: z.number().int().nonnegative(),
});
export type DualControlRequestView = z.infer<typeof DualControlRequestView>;

/** The answer (HTTP 202) of a first step: nothing changed yet, a second person must approve. */
export const AwaitingSecondApproval = z.object({
  status: z.literal('awaiting-second-approval'),
  request: DualControlRequestView,
});
export type AwaitingSecondApproval = z.infer<typeof AwaitingSecondApproval>;

export const DualControlParams = z.object({ id: Id });
export const RefuseDualControlRequest = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export const ListDualControlQuery = z.object({ status: DualControlStatus.default('pending') }).strict();
