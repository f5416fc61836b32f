import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import { auditState } from './second-approver.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type {
  AwaitingSecondApproval,
  DualControlKind,
  DualControlPayload,
} from '../../../shared/schemas/dual-control.js';
import type { User } from '../accounts/ports/users.js';
import type { DualControlDeps } from './dual-control-deps.js';
import type { DualControlRecord } from './ports.js';
import { possibleApprovers, toRequestView } from './request-view.js';
import { claimDecision, expire, hasExpired, recordDecision } from './settle.js';

const samePayload = (a: DualControlPayload, b: DualControlPayload): boolean =>
  a.keyVersion === b.keyVersion && a.reason === b.reason;

/**
 * The first step of an action that takes two people. The caller has authorized the requester
 * and checked the subject; nothing is done here but asking. The same first step again answers
 * the pending request; a different one (another key version compared, another reason) replaces
 * it, and one whose time ran out is marked expired first.
 */
export async function requestSecondApproval(
  deps: DualControlDeps,
  requester: User,
  input: { kind: DualControlKind; subject: User; payload: DualControlPayload },
): Promise<AwaitingSecondApproval> {
  // A secretariat member has no state: the request is filed under the secretariat's reserved code.
  const state = input.subject.state ?? SECRETARIAT_STATE;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const pending = await deps.requests.findPending(input.kind, input.subject.id);
    if (pending && !hasExpired(deps, pending) && samePayload(pending.payload, input.payload))
      return awaiting(deps, requester, pending);
    if (pending && hasExpired(deps, pending)) await expire(deps, pending);
    else if (pending) await supersede(deps, pending, requester);
    const now = deps.clock.now();
    const created = await deps.requests.create({
      kind: input.kind,
      subjectId: input.subject.id,
      state,
      payload: input.payload,
      requestedBy: requester.id,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + deps.ttlMs),
    });
    // The same first step at once on another node, or the old request not yet freed: look again.
    if (!created) continue;
    await deps.audit.append({
      type: 'dual-control.requested',
      actorId: requester.id,
      state: input.subject.state,
      subjectId: input.subject.id,
      data: {
        requestId: created.id,
        kind: created.kind,
        expiresAt: created.expiresAt.toISOString(),
        ...(created.payload.keyVersion ? { keyVersion: created.payload.keyVersion } : {}),
        ...(created.payload.reason ? { reason: created.payload.reason } : {}),
      },
    });
    await alertApprovers(deps, created);
    deps.changed(created);
    return awaiting(deps, requester, created);
  }
  const pending = await deps.requests.findPending(input.kind, input.subject.id);
  if (!pending) throw new Error('dual-control request neither created nor found');
  return awaiting(deps, requester, pending);
}

async function awaiting(
  deps: DualControlDeps,
  viewer: User,
  record: DualControlRecord,
): Promise<AwaitingSecondApproval> {
  return { status: 'awaiting-second-approval', request: await toRequestView(deps, viewer, record) };
}

/** A newer first step replaces the pending one: it is cancelled in the new requester's name. */
async function supersede(deps: DualControlDeps, pending: DualControlRecord, requester: User): Promise<void> {
  const outcome = await claimDecision(deps, pending, 'cancelled', requester.id, 'replaced by a newer request');
  if (outcome) await recordDecision(deps, pending, outcome);
}

/**
 * Tells each person who may approve: the other secretariat members and the state's active
 * national admins, one by one so that the subject (about to be suspended, say) is not told.
 */
async function alertApprovers(deps: DualControlDeps, request: DualControlRecord): Promise<void> {
  const at = deps.clock.now().toISOString();
  const alerts: Alert[] = (await possibleApprovers(deps, request)).map((person) => ({
    id: `dual-control.waiting:${request.id}:${person.id}`,
    kind: 'dual-control.waiting',
    userId: person.id,
    ...(auditState(request) ? { state: request.state } : {}),
    refs: { dualControlId: request.id },
    at,
  }));
  await Promise.all(alerts.map((alert) => deps.raiseAlert(alert)));
}
