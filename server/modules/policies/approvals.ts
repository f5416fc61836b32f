import { AppError } from '../../../shared/errors.js';
import { UNPUBLISHED_RULE_ID, type Decision } from '../../../shared/policy/index.js';
import type { ApprovalHold, ApprovalStatus, ApprovalView } from '../../../shared/schemas/approvals.js';
import type { ExchangeKind, Labels, StateCode } from '../../../shared/schemas/labels.js';
import type { ApprovalRecord } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { tellHoldingStates } from './approval-notices.js';
import { fullyApproved, toApprovalView } from './approval-view.js';
import type { PoliciesDeps } from './policies-deps.js';
import { involvedStates, settleApproval } from './settle-approval.js';

/** An exchange the messaging module holds because its decision is 'approve'. */
export interface HoldRequest {
  /** The messaging module's opaque reference; one approval request per exchange. */
  exchangeRef: string;
  fromUserId: string;
  fromState: StateCode;
  toStates: readonly StateCode[];
  labels: Labels;
  kind: ExchangeKind;
  decision: Decision;
}

/** `state@version/direction/ruleId` of each hold as `viewer`'s trail may name it: others' unpublished rules only as such. */
function holdRulesFor(viewer: string, holds: readonly ApprovalHold[], decision: Decision): string[] {
  const published = new Set(
    decision.perRecipient
      .flatMap((r) => r.reasons)
      .filter((reason) => reason.published)
      .map((reason) => `${reason.state}/${reason.direction}/${reason.ruleId}`),
  );
  return [
    ...new Set(
      holds.map((h) => {
        const visible = h.state === viewer || published.has(`${h.state}/${h.direction}/${h.ruleId}`);
        return `${h.state}@${h.policyVersion}/${h.direction}/${visible ? h.ruleId : UNPUBLISHED_RULE_ID}`;
      }),
    ),
  ];
}

/** The rules (or defaults) with effect 'approve' that decided, once each. */
function holdsOf(decision: Decision): ApprovalHold[] {
  const holds = new Map<string, ApprovalHold>();
  for (const recipient of decision.perRecipient) {
    for (const reason of recipient.reasons) {
      if (reason.effect !== 'approve' || reason.policyVersion === null) continue;
      const hold = {
        state: reason.state,
        policyVersion: reason.policyVersion,
        ruleId: reason.ruleId,
        direction: reason.direction,
      };
      holds.set(`${hold.state}/${hold.direction}/${hold.ruleId}`, hold);
    }
  }
  return [...holds.values()];
}

/** The states whose rules hold an exchange decided 'approve': their national admins decide (and read it). */
export const holdingStatesOf = (decision: Decision): string[] => [
  ...new Set(holdsOf(decision).map((hold) => hold.state)),
];

/** Files a held exchange for the national admins of every state whose rule held it. Idempotent per exchangeRef. */
export async function holdForApproval(deps: PoliciesDeps, input: HoldRequest): Promise<ApprovalView> {
  const holds = holdsOf(input.decision);
  if (input.decision.effect !== 'approve' || holds.length === 0)
    throw new RangeError(`only an exchange decided 'approve' is held (got '${input.decision.effect}')`);
  const now = deps.clock.now();
  const created = await deps.approvals.create({
    exchangeRef: input.exchangeRef,
    fromUserId: input.fromUserId,
    fromState: input.fromState,
    toStates: [...new Set(input.toStates)],
    labels: input.labels,
    kind: input.kind,
    holds,
    holdingStates: holdingStatesOf(input.decision),
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.approvalTtlMs),
  });
  if (!created) {
    const existing = await deps.approvals.findByExchangeRef(input.exchangeRef);
    if (!existing) throw new Error(`approval for ${input.exchangeRef} exists and cannot be read`);
    return toApprovalView(existing, now);
  }
  for (const state of involvedStates(created)) {
    await deps.audit.append({
      type: 'approval.requested',
      actorId: created.fromUserId,
      state,
      subjectId: created.id,
      data: {
        exchangeRef: created.exchangeRef,
        holdingStates: created.holdingStates,
        rules: holdRulesFor(state, holds, input.decision),
        expiresAt: created.expiresAt.toISOString(),
      },
    });
  }
  tellHoldingStates(deps, created, 'pending');
  return toApprovalView(created, now);
}

/** The held exchanges of the admin's state under a status, oldest first (pending: still awaiting a decision). */
export async function listApprovals(deps: PoliciesDeps, actor: User, status: ApprovalStatus): Promise<ApprovalView[]> {
  authorize(actor, 'approval:list', { state: actor.state });
  const now = deps.clock.now();
  const records = await deps.approvals.listForState(actor.state ?? '', status, now);
  return records.map((record) => toApprovalView(record, now)).filter((view) => view.status === status);
}

/**
 * The request as its decider may see it: requests that no rule of the actor's state held are
 * not theirs to see (404, as if absent); the sender can never release their own exchange.
 */
export async function loadForDecision(
  deps: PoliciesDeps,
  actor: User,
  id: string,
): Promise<{ record: ApprovalRecord; state: string }> {
  const record = await deps.approvals.findById(id);
  const state = actor.state;
  if (!record || state === null || !record.holdingStates.includes(state))
    throw new AppError('approval.not-found', 'no such approval request');
  authorize(actor, 'approval:decide', { state, id: record.fromUserId });
  return { record, state };
}

function notOpen(record: ApprovalRecord, state: string, now: Date): AppError | undefined {
  if (record.settlement)
    return new AppError('approval.not-pending', `this exchange was ${record.settlement.status} already`);
  if (record.expiresAt <= now)
    return new AppError('approval.not-pending', 'the time to decide on this exchange has run out');
  if (record.decisions.some((decision) => decision.state === state))
    return new AppError('approval.not-pending', `${state} has decided on this exchange already`);
  return undefined;
}

async function reread(deps: PoliciesDeps, id: string): Promise<ApprovalRecord> {
  const record = await deps.approvals.findById(id);
  if (!record) throw new AppError('approval.not-found', 'no such approval request');
  return record;
}

/** Records the actor's state's decision, once per state, while the request is open. */
async function decide(
  deps: PoliciesDeps,
  actor: User,
  id: string,
  verdict: 'approved' | 'rejected',
  comment: string | null,
): Promise<{ record: ApprovalRecord; state: string; now: Date }> {
  const { record, state } = await loadForDecision(deps, actor, id);
  const now = deps.clock.now();
  const closed = notOpen(record, state, now);
  if (closed) throw closed;
  if (!(await deps.approvals.insertDecision(id, { state, userId: actor.id, verdict, comment, at: now }))) {
    throw (
      notOpen(await reread(deps, id), state, now) ??
      new AppError('approval.not-pending', `${state} has decided on this exchange already`)
    );
  }
  await deps.audit.append({
    type: verdict === 'approved' ? 'approval.approved' : 'approval.rejected',
    actorId: actor.id,
    state,
    subjectId: id,
    data: { exchangeRef: record.exchangeRef, holdingStates: record.holdingStates, hasComment: comment !== null },
  });
  tellHoldingStates(deps, record, 'pending'); // one state has decided; the settlement, if any, follows
  return { record, state, now };
}

/**
 * One holding state's approval; the exchange is released once every holding state approved.
 * When a rejection or the deadline settled it meanwhile, the answer shows that outcome.
 */
export async function approveExchange(
  deps: PoliciesDeps,
  actor: User,
  id: string,
  comment: string | undefined,
): Promise<ApprovalView> {
  const { now } = await decide(deps, actor, id, 'approved', comment ?? null);
  // Re-read after our own insert: of states approving at once, at least the last sees them all.
  const current = await reread(deps, id);
  const settled =
    !current.settlement && fullyApproved(current)
      ? await settleApproval(deps, id, { status: 'approved', decidedBy: actor.id, comment: comment ?? null, at: now })
      : undefined;
  return toApprovalView(settled ?? (await reread(deps, id)), deps.clock.now());
}

/** One rejection by any holding state settles the exchange as rejected. */
export async function rejectExchange(
  deps: PoliciesDeps,
  actor: User,
  id: string,
  comment: string,
): Promise<ApprovalView> {
  const { now } = await decide(deps, actor, id, 'rejected', comment);
  const settled = await settleApproval(deps, id, { status: 'rejected', decidedBy: actor.id, comment, at: now });
  return toApprovalView(settled ?? (await reread(deps, id)), deps.clock.now());
}
