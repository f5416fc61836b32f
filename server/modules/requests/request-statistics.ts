import type { RequestStatistics, RequestStatisticsRow } from '../../../shared/schemas/requests.js';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type { RequestCase } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { RequestsDeps } from './requests-deps.js';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Per state and domain, from case metadata only: requests sent and received, median time to
 * acknowledge and to answer (or decline) received requests, received requests flagged overdue.
 * Consent requests count like any other request.
 */
export function computeStatistics(
  cases: readonly RequestCase[],
  only?: { state?: string | undefined; domain?: DomainCode | undefined },
): RequestStatisticsRow[] {
  const rows = new Map<string, { row: RequestStatisticsRow; ack: number[]; answer: number[] }>();
  const rowFor = (state: string, domain: DomainCode) => {
    const key = `${state}/${domain}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: { state, domain, sent: 0, received: 0, medianAcknowledgeMs: null, medianAnswerMs: null, overdue: 0 },
        ack: [],
        answer: [],
      };
      rows.set(key, entry);
    }
    return entry;
  };
  for (const c of cases) {
    if (only?.domain && c.domain !== only.domain) continue;
    if (!only?.state || c.requesterState === only.state) rowFor(c.requesterState, c.domain).row.sent++;
    if (only?.state && c.requestedState !== only.state) continue;
    const received = rowFor(c.requestedState, c.domain);
    received.row.received++;
    if (c.overdue) received.row.overdue++;
    if (c.acknowledgedAt) received.ack.push(c.acknowledgedAt.getTime() - c.submittedAt.getTime());
    if (c.respondedAt) received.answer.push(c.respondedAt.getTime() - c.submittedAt.getTime());
  }
  return [...rows.values()]
    .map(({ row, ack, answer }) => ({ ...row, medianAcknowledgeMs: median(ack), medianAnswerMs: median(answer) }))
    .sort((a, b) => a.state.localeCompare(b.state) || a.domain.localeCompare(b.domain));
}

/** National admins: their own state only; network admins: any state, or all. */
export async function requestStatistics(
  deps: RequestsDeps,
  actor: User,
  query: { state?: string | undefined; domain?: DomainCode | undefined },
): Promise<RequestStatistics> {
  const state = actor.role === 'national-admin' ? (query.state ?? actor.state ?? '') : query.state;
  authorize(actor, 'request:statistics', state === undefined ? {} : { state });
  const cases = await deps.cases.forStatistics({ state, domain: query.domain });
  return { rows: computeStatistics(cases, { state, domain: query.domain }), at: deps.clock.now().toISOString() };
}
