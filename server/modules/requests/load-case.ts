import { AWAITING_ANSWER, isAnswer } from '../../../shared/requests/lifecycle.js';
import type { CasePatch, RequestCase, RequestCaseStore, RequestTransition } from './ports.js';

/** The case fields a transition sets (a pure projection, so repeating it changes nothing). */
export function patchFor(current: RequestCase, step: RequestTransition): CasePatch {
  return {
    status: step.to,
    awaiting: AWAITING_ANSWER.includes(step.to),
    ...(step.action === 'acknowledge' && !current.acknowledgedAt ? { acknowledgedAt: step.at } : {}),
    ...((isAnswer(step.action) || step.action === 'decline') && !current.respondedAt ? { respondedAt: step.at } : {}),
    ...(isAnswer(step.action) ? { answered: true } : {}),
    ...(step.consent ? { consent: step.consent } : {}),
  };
}

/**
 * A case with every claimed transition applied. A writer that died between claiming step n
 * and updating the case leaves step n claimed: whoever reads the case next finishes the job.
 */
export async function loadCase(cases: RequestCaseStore, id: string): Promise<RequestCase | undefined> {
  let current = await cases.findById(id);
  while (current) {
    const pending = await cases.findTransition(current.id, current.seq + 1);
    if (!pending) return current;
    const patch = patchFor(current, pending);
    await cases.applyTransition(current.id, pending.no, patch);
    current = { ...current, ...patch, seq: pending.no };
  }
  return current;
}
