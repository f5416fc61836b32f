import { AppError } from '../../../shared/errors.js';
import type { PolicySigningView } from '../../../shared/schemas/policy-cosign.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { PolicySigningChange, SigningReleaseRequest } from './cosign-ports.js';
import type { PoliciesDeps } from './policies-deps.js';

async function knownState(deps: PoliciesDeps, state: string): Promise<void> {
  if (!(await deps.isMemberState(state))) throw new AppError('state.unknown', `${state} is not a member state`);
}

/** True when a new version of `state`'s policy takes effect only once a second national admin co-signs it. */
export async function requiresTwoSignatures(deps: PoliciesDeps, state: string): Promise<boolean> {
  return (await deps.cosign.currentSigning(state))?.twoSignatures === true;
}

/** The open request to turn the requirement off: for the next change, and not expired. */
async function openRelease(
  deps: PoliciesDeps,
  state: string,
  current: PolicySigningChange | undefined,
): Promise<SigningReleaseRequest | undefined> {
  if (!current?.twoSignatures) return undefined;
  const request = await deps.cosign.latestReleaseRequest(state, current.seq + 1);
  return request && request.expiresAt > deps.clock.now() ? request : undefined;
}

function toView(
  state: string,
  current: PolicySigningChange | undefined,
  release: SigningReleaseRequest | undefined,
): PolicySigningView {
  return {
    state,
    twoSignatures: current?.twoSignatures ?? false,
    changedBy: current?.requestedBy ?? null,
    confirmedBy: current?.confirmedBy ?? null,
    changedAt: current?.at.toISOString() ?? null,
    releaseRequest: release
      ? {
          requestedBy: release.requestedBy,
          requestedAt: release.requestedAt.toISOString(),
          expiresAt: release.expiresAt.toISOString(),
        }
      : null,
  };
}

/** The state's signing rule, for its national admins. */
export async function readPolicySigning(deps: PoliciesDeps, actor: User, state: string): Promise<PolicySigningView> {
  await knownState(deps, state);
  authorize(actor, 'policy:history', { state });
  const current = await deps.cosign.currentSigning(state);
  return toView(state, current, await openRelease(deps, state, current));
}

/**
 * Turns the two-signature rule on (one national admin suffices: it only adds a check) or off.
 * Off takes two admins, like a version: the first asks, and a different admin of the state
 * asking the same within the waiting time confirms it. Otherwise one admin could switch the rule
 * off and publish alone.
 */
export async function setPolicySigning(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  twoSignatures: boolean,
): Promise<PolicySigningView> {
  await knownState(deps, state);
  authorize(actor, 'policy:write', { state });
  const current = await deps.cosign.currentSigning(state);
  const now = deps.clock.now();
  const seq = (current?.seq ?? 0) + 1;
  const lost = (): AppError =>
    new AppError('policy.superseded', `${state}'s signing rule was changed meanwhile: reload and decide again`);

  if ((current?.twoSignatures ?? false) === twoSignatures) {
    return toView(state, current, await openRelease(deps, state, current));
  }
  if (twoSignatures) {
    const change = { state, seq, twoSignatures, requestedBy: actor.id, confirmedBy: null, at: now };
    if (!(await deps.cosign.insertSigning(change))) throw lost();
    await deps.audit.append({ type: 'policy.two-signatures-required', actorId: actor.id, state, data: { seq } });
    return toView(state, change, undefined);
  }

  const open = await openRelease(deps, state, current);
  if (!open) {
    const request = {
      state,
      forSeq: seq,
      requestedBy: actor.id,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + deps.cosignTtlMs),
    };
    await deps.cosign.insertReleaseRequest(request);
    await deps.audit.append({
      type: 'policy.two-signatures-release-requested',
      actorId: actor.id,
      state,
      data: { seq, expiresAt: request.expiresAt.toISOString() },
    });
    return toView(state, current, request);
  }
  if (open.requestedBy === actor.id) {
    throw new AppError(
      'policy.same-signer',
      `you asked for one signature to suffice already: another national admin of ${state} must confirm it`,
    );
  }
  const change = { state, seq, twoSignatures, requestedBy: open.requestedBy, confirmedBy: actor.id, at: now };
  if (!(await deps.cosign.insertSigning(change))) throw lost();
  await deps.audit.append({
    type: 'policy.two-signatures-released',
    actorId: actor.id,
    state,
    data: { seq, requestedBy: open.requestedBy, confirmedBy: actor.id },
  });
  return toView(state, change, undefined);
}
