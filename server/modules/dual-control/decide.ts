import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import { AppError } from '../../../shared/errors.js';
import type { DualControlRequestView } from '../../../shared/schemas/dual-control.js';
import type { User } from '../accounts/ports/users.js';
import type { DualControlDeps } from './dual-control-deps.js';
import type { DualControlRecord } from './ports.js';
import { toRequestView } from './request-view.js';
import { secondApproverVerdict } from './second-approver.js';
import { claimDecision, expire, hasExpired, recordDecision } from './settle.js';

const alreadyDecided = (record: DualControlRecord): AppError =>
  record.status === 'expired'
    ? new AppError('dual-control.expired', 'the time to approve this ran out: the first step must be taken again')
    : new AppError('dual-control.already-decided', `this was ${record.status} already`);

async function load(deps: DualControlDeps, id: string): Promise<DualControlRecord> {
  const record = await deps.requests.findById(id);
  if (!record) throw new AppError('dual-control.not-found', 'no such request');
  return record;
}

/**
 * The second person's checks: who they are first (someone who may not decide learns nothing of
 * the request's fate), then whether it is still open and in time.
 */
async function checkSecondPerson(deps: DualControlDeps, actor: User, record: DualControlRecord): Promise<void> {
  const verdict = secondApproverVerdict(actor, record);
  if (verdict === 'same-person')
    throw new AppError('dual-control.same-person', 'you took the first step: another person must approve or refuse');
  if (verdict === 'not-eligible')
    throw new AppError(
      'dual-control.not-eligible',
      record.state === SECRETARIAT_STATE
        ? 'only another secretariat member may decide on this'
        : `only another secretariat member or an active national admin of ${record.state} may decide on this`,
    );
  if (record.status !== 'pending') throw alreadyDecided(record);
  if (hasExpired(deps, record)) {
    await expire(deps, record);
    throw alreadyDecided({ ...record, status: 'expired' });
  }
}

/**
 * The second approval: everything is checked again now (the approver, the time, the subject and
 * its keys), then exactly one caller across nodes carries the action out. If the subject changed
 * since the first step, the request is cancelled and the reason answered.
 */
export async function approve(deps: DualControlDeps, actor: User, id: string): Promise<DualControlRequestView> {
  const record = await load(deps, id);
  await checkSecondPerson(deps, actor, record);
  const action = deps.actions[record.kind];
  try {
    await action.recheck(record);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const cancelled = await claimDecision(deps, record, 'cancelled', actor.id, error.message);
    if (cancelled) await recordDecision(deps, record, cancelled);
    throw error;
  }
  const outcome = await claimDecision(deps, record, 'approved', actor.id);
  if (!outcome) throw new AppError('dual-control.already-decided', 'someone else decided on this a moment ago');
  try {
    await action.carryOut(record, actor);
  } catch (error) {
    // The subject changed between the re-check and the action: nothing was done, and the record says so.
    const reason = error instanceof AppError ? error.message : 'the action failed';
    await recordDecision(deps, record, { ...outcome, status: 'cancelled', comment: reason });
    throw error;
  }
  return toRequestView(deps, actor, await recordDecision(deps, record, outcome));
}

/** An eligible second person says no, with a reason; nothing is done. */
export async function refuse(
  deps: DualControlDeps,
  actor: User,
  id: string,
  reason: string,
): Promise<DualControlRequestView> {
  const record = await load(deps, id);
  await checkSecondPerson(deps, actor, record);
  const outcome = await claimDecision(deps, record, 'refused', actor.id, reason);
  if (!outcome) throw new AppError('dual-control.already-decided', 'someone else decided on this a moment ago');
  return toRequestView(deps, actor, await recordDecision(deps, record, outcome));
}

/** The person who took the first step withdraws it. */
export async function cancel(deps: DualControlDeps, actor: User, id: string): Promise<DualControlRequestView> {
  const record = await load(deps, id);
  if (record.requestedBy !== actor.id)
    throw new AppError('dual-control.not-eligible', 'only the person who took the first step may withdraw it');
  if (record.status !== 'pending') throw alreadyDecided(record);
  const outcome = await claimDecision(deps, record, 'cancelled', actor.id, 'withdrawn by the person who asked');
  if (!outcome) throw new AppError('dual-control.already-decided', 'someone else decided on this a moment ago');
  return toRequestView(deps, actor, await recordDecision(deps, record, outcome));
}
