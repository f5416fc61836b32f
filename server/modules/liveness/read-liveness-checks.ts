import { AppError } from '../../../shared/errors.js';
import { can } from '../../../shared/authz/can.js';
import type { LivenessCheckView } from '../../../shared/schemas/liveness.js';
import type { LivenessCheck, LivenessTarget } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { LivenessDeps } from './liveness-deps.js';

type Outcome = 'answered' | 'late' | 'none';

function outcomeOf(target: LivenessTarget): Outcome {
  if (!target.answeredAt) return 'none';
  return target.answeredAt <= target.deadline ? 'answered' : 'late';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** Who reads liveness checks: national admins their own state's rows of any check, the secretariat every row. */
export function authorizeReading(actor: User): void {
  authorize(actor, 'liveness:start', { state: actor.state });
}

function visibleTargets(actor: User, targets: LivenessTarget[]): LivenessTarget[] {
  return targets.filter((target) => can(actor, 'liveness:start', { state: target.state }));
}

/** A check is listed, and readable by id, when it concerns the actor's state, the actor checks the whole network, or started it. */
function isVisible(actor: User, check: LivenessCheck, visible: LivenessTarget[]): boolean {
  return visible.length > 0 || can(actor, 'liveness:start', { state: null }) || check.startedBy === actor.id;
}

async function view(
  deps: LivenessDeps,
  check: LivenessCheck,
  targets: LivenessTarget[],
  withTargets: boolean,
): Promise<LivenessCheckView> {
  const byState = new Map<string, LivenessTarget[]>();
  for (const target of targets) byState.set(target.state, [...(byState.get(target.state) ?? []), target]);
  const states = [...byState.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, list]) => {
      const outcomes = list.map(outcomeOf);
      return {
        state: state as LivenessCheckView['states'][number]['state'],
        targets: list.length,
        answered: outcomes.filter((o) => o === 'answered').length,
        late: outcomes.filter((o) => o === 'late').length,
        none: outcomes.filter((o) => o === 'none').length,
        medianResponseMs: median(
          list.flatMap((t) => (t.answeredAt ? [t.answeredAt.getTime() - t.promptedAt.getTime()] : [])),
        ),
      };
    });
  const directory = withTargets ? await deps.index.snapshot() : undefined;
  return {
    id: check.id,
    startedBy: check.startedBy,
    scope: {
      state: check.scopeState as LivenessCheckView['scope']['state'],
      domain: check.scopeDomain as LivenessCheckView['scope']['domain'],
    },
    startedAt: check.startedAt.toISOString(),
    deadline: check.deadline.toISOString(),
    origin: check.schedule ? 'scheduled' : 'manual',
    states,
    ...(directory
      ? {
          targets: targets.map((target) => {
            const record = directory.byUserId.get(target.userId);
            return {
              userId: target.userId,
              name: record?.entry?.name?.en ?? record?.user.displayName ?? '(no longer in the directory)',
              state: target.state as LivenessCheckView['states'][number]['state'],
              outcome: outcomeOf(target),
              responseMs: target.answeredAt ? target.answeredAt.getTime() - target.promptedAt.getTime() : null,
            };
          }),
        }
      : {}),
  };
}

/** A check as this actor may see it (their state's rows only), without the people; undefined when it is none of theirs. */
export async function summaryFor(
  deps: LivenessDeps,
  actor: User,
  check: LivenessCheck,
): Promise<LivenessCheckView | undefined> {
  const targets = visibleTargets(actor, await deps.checks.targetsOf(check.id));
  return isVisible(actor, check, targets) ? view(deps, check, targets, false) : undefined;
}

/** History: recent checks with per-state results (answered, late, none; median response time). */
export async function listLivenessChecks(deps: LivenessDeps, actor: User): Promise<LivenessCheckView[]> {
  authorizeReading(actor); // refused alike whether or not any check exists yet
  const checks = await deps.checks.recent(50);
  const views: LivenessCheckView[] = [];
  for (const check of checks) {
    const summary = await summaryFor(deps, actor, check);
    if (summary) views.push(summary);
  }
  return views;
}

/** One check, under the list's rule: another state's check is "not found", as if it did not exist. */
export async function getLivenessCheck(deps: LivenessDeps, actor: User, id: string): Promise<LivenessCheckView> {
  authorizeReading(actor);
  const check = await deps.checks.find(id);
  const targets = check ? visibleTargets(actor, await deps.checks.targetsOf(id)) : [];
  if (!check || !isVisible(actor, check, targets)) throw new AppError('liveness.not-found', 'no such liveness check');
  return view(deps, check, targets, true);
}
