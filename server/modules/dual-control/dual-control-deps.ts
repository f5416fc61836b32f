import type { Alert } from '../../../shared/schemas/alerts.js';
import type {
  AwaitingSecondApproval,
  DualControlKind,
  DualControlPayload,
} from '../../../shared/schemas/dual-control.js';
import type { Clock } from '../../system/clock.js';
import type { User, UserStore } from '../accounts/ports/users.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DualControlRecord, DualControlStore } from './ports.js';

/** What an action that takes two people does once the second approves; the module that owns it provides it. */
export interface DualControlAction {
  /** Throws the AppError saying why the action can no longer be carried out (the subject or its keys changed). */
  recheck(request: DualControlRecord): Promise<void>;
  /** Carries it out for the approver; the action's own audit entry names both people. */
  carryOut(request: DualControlRecord, approver: User): Promise<void>;
}

/** The first step, as other modules ask for it: nothing is done until a second person approves. */
export interface SecondApprovals {
  request(
    requester: User,
    input: { kind: DualControlKind; subject: User; payload: DualControlPayload },
  ): Promise<AwaitingSecondApproval>;
}

export interface DualControlDeps {
  requests: DualControlStore;
  users: Pick<UserStore, 'findById' | 'list'>;
  audit: AuditLog;
  clock: Clock;
  raiseAlert(alert: Alert): Promise<void>;
  actions: Record<DualControlKind, DualControlAction>;
  /** Tells the open pages that a request about this subject was made or decided (best effort). */
  changed(request: DualControlRecord): void;
  /** How long a request waits for its second approver. */
  ttlMs: number;
}

/** A request waits 72 hours for its second approver unless configured otherwise. */
export const DEFAULT_DUAL_CONTROL_TTL_MS = 72 * 3_600_000;
