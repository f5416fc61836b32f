import { AppError } from '../../../shared/errors.js';
import type {
  LivenessScheduleInput,
  LivenessSchedulesView,
  LivenessScheduleView,
} from '../../../shared/schemas/liveness-schedule.js';
import type { LivenessCheckView } from '../../../shared/schemas/liveness.js';
import { can } from '../../../shared/authz/can.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { LivenessDeps } from './liveness-deps.js';
import { NETWORK_SCHEDULE, type LivenessSchedule } from './ports.js';
import { authorizeReading, summaryFor } from './read-liveness-checks.js';
import { nextRunAt } from './schedule-runs.js';

const LAST_RUNS = 5;
const DAY_MS = 86_400_000;
/** How far ahead a first run may be set. */
export const MAX_FIRST_RUN_DAYS = 2 * 366;

/** A first run more than two years ahead is a typo, not a plan. */
export function checkFirstRun(input: LivenessScheduleInput, now: Date, path: string[]): void {
  if (new Date(input.firstRunAt).getTime() - now.getTime() > MAX_FIRST_RUN_DAYS * DAY_MS)
    throw new AppError('validation.failed', 'the first run must be within two years', [
      { path, message: 'within two years from now' },
    ]);
}

async function view(deps: LivenessDeps, actor: User, schedule: LivenessSchedule): Promise<LivenessScheduleView> {
  const lastRuns: LivenessCheckView[] = [];
  for (const check of await deps.checks.runsOf(schedule.key, LAST_RUNS)) {
    const summary = await summaryFor(deps, actor, check);
    if (summary) lastRuns.push(summary);
  }
  return {
    state: schedule.state as LivenessScheduleView['state'],
    everyMonths: schedule.everyMonths,
    answerHours: schedule.answerHours,
    firstRunAt: schedule.firstRunAt.toISOString(),
    setBy: schedule.setBy,
    setAt: schedule.setAt.toISOString(),
    proposalId: schedule.proposalId,
    nextRunAt: (await nextRunAt(deps.checks, schedule, deps.clock.now())).toISOString(),
    lastRuns,
  };
}

/** The network's schedule (every admin) and the states' own (a national admin: their state's; the secretariat: all). */
export async function readSchedules(deps: LivenessDeps, actor: User): Promise<LivenessSchedulesView> {
  authorizeReading(actor);
  const all = await deps.schedules.all();
  const network = all.find((schedule) => schedule.key === NETWORK_SCHEDULE);
  const states = all
    .filter((schedule) => schedule.state !== null && can(actor, 'liveness:start', { state: schedule.state }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    network: network ? await view(deps, actor, network) : null,
    states: await Promise.all(states.map((schedule) => view(deps, actor, schedule))),
  };
}

/** A national admin sets (or replaces) their own state's schedule; no consensus, it binds only their state. */
export async function setStateSchedule(
  deps: LivenessDeps,
  actor: User,
  state: string,
  input: LivenessScheduleInput,
): Promise<LivenessScheduleView> {
  authorize(actor, 'liveness:schedule-state', { state }, "only the state's national admins set its schedule");
  const now = deps.clock.now();
  checkFirstRun(input, now, ['body', 'firstRunAt']);
  const before = await deps.schedules.find(state);
  const schedule: LivenessSchedule = {
    key: state,
    state,
    everyMonths: input.everyMonths,
    answerHours: input.answerHours,
    firstRunAt: new Date(input.firstRunAt),
    setBy: actor.id,
    setAt: now,
    proposalId: null,
  };
  await deps.schedules.put(schedule);
  await deps.audit.append({
    type: 'liveness.schedule-set',
    actorId: actor.id,
    state,
    subjectId: state,
    data: { ...input, replaced: before !== undefined },
  });
  return view(deps, actor, schedule);
}

/** A national admin removes their state's schedule: no more scheduled runs; past runs stay. */
export async function removeStateSchedule(deps: LivenessDeps, actor: User, state: string): Promise<void> {
  authorize(actor, 'liveness:schedule-state', { state }, "only the state's national admins remove its schedule");
  if (!(await deps.schedules.remove(state)))
    throw new AppError('liveness.not-found', `${state} has no liveness schedule`);
  await deps.audit.append({ type: 'liveness.schedule-removed', actorId: actor.id, state, subjectId: state });
}
