import { z } from 'zod';
import { signLivenessAck } from '../../../shared/crypto/liveness-sign.js';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  LivenessCheckView,
  LivenessPrompt,
  type LivenessAck,
  type StartLivenessCheck,
} from '../../../shared/schemas/liveness.js';
import {
  LivenessSchedulesView,
  LivenessScheduleView,
  type LivenessScheduleInput,
} from '../../../shared/schemas/liveness-schedule.js';
import { ApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';

export type LivenessOutcome = 'answered' | 'late';
export const LivenessAnswer = z.object({ outcome: z.enum(['answered', 'late']) });

export interface LivenessApi {
  /** Admins: prompts every active focal point in scope; answers how many. */
  start(input: z.input<typeof StartLivenessCheck>): Promise<{ id: string; targets: number }>;
  /** Admins: recent checks with per-state results. */
  list(): Promise<LivenessCheckView[]>;
  /** Admins: one check with each prompted person's outcome. */
  get(id: string): Promise<LivenessCheckView>;
  /** Prompts waiting for my answer (the socket pushes them too). */
  pending(): Promise<LivenessPrompt[]>;
  /** Signs the prompt with my unlocked identity key, for the REST call or the `liveness:ack` event. */
  sign(prompt: LivenessPrompt): Promise<LivenessAck>;
  /** Signs and answers over HTTPS. */
  answer(prompt: LivenessPrompt): Promise<LivenessOutcome>;
  /** Admins: the network's schedule and the states' own, with next run and latest runs. */
  schedules(): Promise<LivenessSchedulesView>;
  /**
   * National admins: sets or replaces their state's schedule. The network's is proposed to the
   * member states instead: `consensus.propose({ change: { kind: 'set-liveness-schedule', schedule } })`.
   */
  setStateSchedule(state: string, input: LivenessScheduleInput): Promise<LivenessScheduleView>;
  /** National admins: removes their state's schedule; answers the schedules left. */
  removeStateSchedule(state: string): Promise<LivenessSchedulesView>;
}

export function livenessApi(session: SessionManager, keyStore: KeyStore): LivenessApi {
  const sign = async (prompt: LivenessPrompt): Promise<LivenessAck> => {
    const user = session.current()?.user;
    const unlocked = keyStore.get();
    if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
    // Only the key of the signed-in account: a key left from another account would be refused anyway.
    if (!unlocked || unlocked.username !== user.username)
      throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
    return {
      checkId: prompt.checkId,
      signature: await signLivenessAck(prompt, user.id, unlocked.keys.identity.privateKey),
    };
  };
  return {
    start: (input) =>
      session.authed({
        method: 'POST',
        path: '/api/liveness-checks',
        body: input,
        schema: z.object({ id: Id, targets: z.number().int() }),
      }),
    list: () => session.authed({ method: 'GET', path: '/api/liveness-checks', schema: z.array(LivenessCheckView) }),
    get: (id) =>
      session.authed({
        method: 'GET',
        path: `/api/liveness-checks/${encodeURIComponent(id)}`,
        schema: LivenessCheckView,
      }),
    pending: () =>
      session.authed({ method: 'GET', path: '/api/liveness-checks/pending', schema: z.array(LivenessPrompt) }),
    sign,
    schedules: () => session.authed({ method: 'GET', path: '/api/liveness-schedules', schema: LivenessSchedulesView }),
    setStateSchedule: (state, input) =>
      session.authed({
        method: 'PUT',
        path: `/api/liveness-schedules/${encodeURIComponent(state)}`,
        body: input,
        schema: LivenessScheduleView,
      }),
    removeStateSchedule: (state) =>
      session.authed({
        method: 'DELETE',
        path: `/api/liveness-schedules/${encodeURIComponent(state)}`,
        schema: LivenessSchedulesView,
      }),
    async answer(prompt) {
      const { checkId, signature } = await sign(prompt);
      const answer = await session.authed({
        method: 'POST',
        path: `/api/liveness-checks/${encodeURIComponent(checkId)}/ack`,
        body: { signature },
        schema: LivenessAnswer,
      });
      return answer.outcome;
    },
  };
}
