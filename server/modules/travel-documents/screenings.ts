import { AppError } from '../../../shared/errors.js';
import type {
  ClearedMarker,
  ClearedMarkers,
  MonthlyScreenings,
  ScreeningReport,
  TravelDocumentStatistics,
} from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import { participatingStates, requireHolder } from './holders.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

/** A screening client's counts (idempotent per report id); answers its state's counts of the month. */
export async function reportScreening(
  deps: TravelDocumentsDeps,
  actor: User,
  report: ScreeningReport,
): Promise<MonthlyScreenings> {
  const { me } = await requireHolder(deps, actor);
  const at = deps.clock.now();
  const month = monthOf(at);
  const fresh = await deps.screenings.insert({
    id: report.id,
    state: me.state,
    month,
    screened: report.screened,
    hits: report.hits,
    reportedBy: actor.id,
    at,
  });
  if (fresh)
    await deps.audit.append({
      type: 'travel-documents.screening-reported',
      actorId: actor.id,
      state: me.state,
      subjectId: me.state,
      data: { state: me.state, month, screened: report.screened, hits: report.hits },
    });
  const rows = await deps.screenings.of(month, me.state);
  return {
    state: me.state,
    month,
    screened: rows.reduce((sum, row) => sum + row.screened, 0),
    hits: rows.reduce((sum, row) => sum + row.hits, 0),
    reports: rows.length,
  };
}

export async function clearedMarkers(deps: TravelDocumentsDeps, actor: User): Promise<ClearedMarkers> {
  const { me } = await requireHolder(deps, actor);
  return { markers: await deps.cleared.of(me.state) };
}

/** A cleared hit, remembered for the caller's state (a repeat changes nothing). */
export async function addClearedMarker(
  deps: TravelDocumentsDeps,
  actor: User,
  marker: ClearedMarker,
): Promise<ClearedMarkers> {
  const { me } = await requireHolder(deps, actor);
  await deps.cleared.add(me.state, marker, deps.clock.now());
  return { markers: await deps.cleared.of(me.state) };
}

/** The secretariat and national admins: counts per state of a year, screenings per month. */
export async function travelDocumentStatistics(
  deps: TravelDocumentsDeps,
  actor: User,
  year: number,
): Promise<TravelDocumentStatistics> {
  if (actor.status !== 'active' || (actor.role !== 'network-admin' && actor.role !== 'national-admin'))
    throw new AppError('auth.forbidden', 'the statistics are for the secretariat and national admins');
  const [participating, states, entries, screenings] = await Promise.all([
    participatingStates(deps),
    deps.index.snapshot().then((snapshot) => [...snapshot.states.keys()].sort()),
    deps.entries.statistics(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))),
    deps.screenings.of(String(year)),
  ]);
  return {
    year,
    states: states.map((state) => {
      const months = new Map<string, { month: string; screened: number; hits: number; reports: number }>();
      for (const row of screenings.filter((r) => r.state === state)) {
        const month = months.get(row.month) ?? { month: row.month, screened: 0, hits: 0, reports: 0 };
        month.screened += row.screened;
        month.hits += row.hits;
        month.reports += 1;
        months.set(row.month, month);
      }
      const counts = entries.get(state);
      return {
        state,
        participating: participating.has(state),
        listedInYear: counts?.listed ?? 0,
        withdrawnInYear: counts?.withdrawn ?? 0,
        current: counts?.current ?? 0,
        months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
      };
    }),
  };
}
