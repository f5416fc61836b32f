import { verifyLivenessAck } from '../../../shared/crypto/verify-liveness-ack.js';
import { AppError } from '../../../shared/errors.js';
import type { LivenessPrompt, StartLivenessCheck } from '../../../shared/schemas/liveness.js';
import type { LivenessTarget } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { LivenessDeps } from './liveness-deps.js';
import { promptFocalPoints } from './prompt-focal-points.js';

const MINUTE_MS = 60_000;

const promptOf = (target: LivenessTarget): LivenessPrompt => ({
  checkId: target.checkId,
  nonce: target.nonce,
  deadline: target.deadline.toISOString(),
});

/**
 * A network admin (any or all states) or a national admin (their own) prompts every active
 * focal point in scope, in real time; each answers with a signature by their identity key.
 */
export async function startLivenessCheck(
  deps: LivenessDeps,
  actor: User,
  input: StartLivenessCheck,
): Promise<{ id: string; targets: number }> {
  const state = actor.role === 'national-admin' ? (input.state ?? actor.state) : (input.state ?? null);
  authorize(actor, 'liveness:start', { state });
  const check = await promptFocalPoints(deps, {
    startedBy: actor.id,
    state,
    domain: input.domain ?? null,
    answerMs: input.deadlineMinutes * MINUTE_MS,
    schedule: null,
    remindAfterMs: null,
  });
  if (!check) throw new Error('a manual check is always created');
  return { id: check.id, targets: check.targets };
}

/** Records a signed answer; the first valid one counts, later repeats are no-ops. */
export async function answerLivenessCheck(
  deps: LivenessDeps,
  actor: User,
  checkId: string,
  signature: string,
): Promise<{ outcome: 'answered' | 'late' }> {
  const target = await deps.checks.target(checkId, actor.id);
  if (!target) throw new AppError('liveness.not-found', 'no such liveness check for you');
  const identityKey = actor.keys?.identityKey;
  if (
    !identityKey ||
    !(await verifyLivenessAck({ checkId, nonce: target.nonce, userId: actor.id, signature, identityKey }))
  ) {
    throw new AppError('liveness.bad-signature', 'the answer is not signed by your identity key');
  }
  const now = deps.clock.now();
  const outcome = now <= target.deadline ? 'answered' : 'late';
  if (await deps.checks.answer(checkId, actor.id, now)) {
    await deps.audit.append({
      type: 'liveness.acknowledged',
      actorId: actor.id,
      state: actor.state,
      subjectId: checkId,
      data: { outcome, responseMs: now.getTime() - target.promptedAt.getTime() },
    });
    return { outcome };
  }
  const answeredAt = (await deps.checks.target(checkId, actor.id))?.answeredAt ?? now;
  return { outcome: answeredAt <= target.deadline ? 'answered' : 'late' };
}

/** Prompts still waiting for this person (delivered again when they connect). */
export async function openPrompts(deps: LivenessDeps, actor: User): Promise<LivenessPrompt[]> {
  return (await deps.checks.openFor(actor.id)).map(promptOf);
}
