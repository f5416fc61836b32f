import type { Connection } from 'mongoose';
import type { Alert } from '../../shared/schemas/alerts.js';
import { dualControlRequestModel } from '../db/models/dual-control-request.model.js';
import { dualControlSettlementModel } from '../db/models/dual-control-settlement.model.js';
import { DualControlRepository } from '../db/repositories/dual-control.repository.js';
import type { User, UserStore } from '../modules/accounts/ports/users.js';
import type { AuditLog } from '../modules/audit/audit-log.js';
import {
  DEFAULT_DUAL_CONTROL_TTL_MS,
  type DualControlAction,
  type DualControlDeps,
  type SecondApprovals,
} from '../modules/dual-control/dual-control-deps.js';
import { requestSecondApproval } from '../modules/dual-control/request-second-approval.js';
import type { Clock } from '../system/clock.js';
import type { DualControlKind } from '../../shared/schemas/dual-control.js';

/**
 * The dual-control module over one database connection. The actions it carries out belong to
 * other modules, which are built after the first step is handed to them: `actions` is read only
 * when a request is approved.
 */
export function composeDualControl(
  connection: Connection,
  options: {
    users: UserStore;
    audit: AuditLog;
    clock: Clock;
    raiseAlert: (alert: Alert) => Promise<void>;
    /** The subject's responsible admins' open pages follow (people:updated). */
    subjectChanged: (subjectId: string) => void;
    actions: () => Record<DualControlKind, DualControlAction>;
    ttlMs?: number;
  },
): { deps: DualControlDeps; secondApprovals: SecondApprovals; ensureIndexes(): Promise<void> } {
  const models = [dualControlRequestModel(connection), dualControlSettlementModel(connection)] as const;
  const deps: DualControlDeps = {
    requests: new DualControlRepository(...models),
    users: options.users,
    audit: options.audit,
    clock: options.clock,
    raiseAlert: options.raiseAlert,
    changed: (request) => options.subjectChanged(request.subjectId),
    get actions() {
      return options.actions();
    },
    ttlMs: options.ttlMs ?? DEFAULT_DUAL_CONTROL_TTL_MS,
  };
  return {
    deps,
    secondApprovals: { request: (requester: User, input) => requestSecondApproval(deps, requester, input) },
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
  };
}
