import { z } from 'zod';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';
import { LivenessCheckView } from './liveness.js';

/** Months between runs the web client offers: monthly, quarterly, half-yearly, yearly (the API takes any 1–12). */
export const SCHEDULE_CADENCES = [1, 3, 6, 12] as const;
export const MAX_ANSWER_HOURS = 7 * 24;

/**
 * When scheduled liveness checks run: at `firstRunAt`, then every `everyMonths` calendar months at
 * the same time of day (UTC); each prompted focal point has `answerHours` to answer.
 */
export const LivenessScheduleInput = z
  .object({
    everyMonths: z.number().int().min(1).max(12),
    /** Hours to answer before an answer counts as late; the unanswered are reminded half-way. */
    answerHours: z.number().int().min(1).max(MAX_ANSWER_HOURS),
    firstRunAt: z.iso.datetime(),
  })
  .strict();
export type LivenessScheduleInput = z.infer<typeof LivenessScheduleInput>;

export const LivenessScheduleView = LivenessScheduleInput.extend({
  /** null: the network's schedule (every state's focal points), adopted by consensus. */
  state: StateCode.nullable(),
  /** Who set it: the national admin, or the network admin who proposed it. */
  setBy: Id,
  setAt: z.iso.datetime(),
  /** The adopted proposal that set the network's schedule. */
  proposalId: Id.nullable(),
  nextRunAt: z.iso.datetime(),
  /** The latest scheduled runs, newest first, with their results (the reader's state's rows only). */
  lastRuns: z.array(LivenessCheckView),
});
export type LivenessScheduleView = z.infer<typeof LivenessScheduleView>;

export const LivenessSchedulesView = z.object({
  network: LivenessScheduleView.nullable(),
  /** States' own schedules: a national admin sees their state's, the secretariat every state's. */
  states: z.array(LivenessScheduleView),
});
export type LivenessSchedulesView = z.infer<typeof LivenessSchedulesView>;
