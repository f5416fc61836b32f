import type {
  ExchangeRow,
  ImplementationReview,
  RequestRow,
  TrafficRow,
  UpkeepRow,
} from '../../../shared/schemas/review.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { median } from '../requests/request-statistics.js';
import { ActivityTally } from './activity-tally.js';
import { Rows, str, strings, type Period } from './tally-rows.js';

/** One policy decision as the trail records it: outcomes are "<recipient state>:<effect>". */
type Decided = { fromState: string; domain: string; outcomes: string[] };
type Figures = Pick<ImplementationReview, 'exchanges' | 'traffic' | 'requests' | 'upkeep' | 'decisions' | 'activities'>;

const EFFECT_FIELD = { allow: 'allowed', conditions: 'withConditions', approve: 'held', deny: 'denied' } as const;

/**
 * Counts the audit trail into the review's figures, one entry at a time, in sequence order. Only
 * entries within the period count; the request cases' facts (domain, states) are remembered from
 * every earlier entry, since a case submitted last year may be answered this year.
 */
export class ReviewTally {
  /**
   * Each exchange's decision, by exchange (the stored message's id): a held exchange is decided
   * when it is refused for want of approvers and again when re-sealed, a retried send on each try,
   * and trails written before each decision was audited once hold every one of them. The last
   * decision is the exchange's. Decisions without an exchange (none today) count one each.
   */
  private readonly decided = new Map<string, Decided>();
  private readonly unattributed: Decided[] = [];
  private readonly traffic = new Rows<TrafficRow>((state, domain) => ({ state, domain, messages: 0, requestSteps: 0 }));
  private readonly requests = new Rows<RequestRow>((requesterState, requestedState, domain) => ({
    requesterState,
    requestedState,
    domain,
    submitted: 0,
    answered: 0,
    declined: 0,
    overdue: 0,
  }));
  private readonly upkeep = new Rows<UpkeepRow & { responses: number[] }>((state) => ({
    state,
    accountsActivated: 0,
    suspensions: 0,
    keyRotations: 0,
    entriesConfirmed: 0,
    livenessChecks: 0,
    livenessScheduledChecks: 0,
    livenessPrompted: 0,
    livenessAnswered: 0,
    livenessMedianResponseMs: null,
    policyVersions: 0,
    responses: [],
  }));
  private readonly cases = new Map<
    string,
    { requesterState: string; requestedState: string; domain: string; answered: boolean; declined: boolean }
  >();
  private readonly decisions = { proposed: 0, adopted: 0, rejected: 0, withdrawn: 0 };
  /** A scheduled run retried after a node died may be audited twice under its one id: it counts once. */
  private readonly checksCounted = new Set<string>();

  private readonly activities: ActivityTally;

  constructor(private readonly period: Period) {
    this.activities = new ActivityTally(period);
  }

  add(entry: AuditEntry): void {
    this.activities.add(entry);
    const { data } = entry;
    if (entry.type === 'request.submitted' && entry.state && entry.subjectId) {
      this.cases.set(entry.subjectId, {
        requesterState: entry.state,
        requestedState: str(data.requestedState) ?? '',
        domain: str(data.domain) ?? '',
        answered: false,
        declined: false,
      });
    }
    if (entry.at < this.period.from || entry.at >= this.period.to) return;
    const state = entry.state ?? '';
    switch (entry.type) {
      case 'policy.decision': {
        const decided = { fromState: state, domain: str(data.domain) ?? '', outcomes: strings(data.perRecipient) };
        if (entry.subjectId) {
          this.decided.delete(entry.subjectId); // kept in the order of each exchange's last decision
          this.decided.set(entry.subjectId, decided);
        } else this.unattributed.push(decided);
        break;
      }
      case 'message.stored': {
        const row = this.traffic.get(state, str(data.domain) ?? '');
        if (str(data.kind)?.startsWith('request:')) row.requestSteps += 1;
        else if (data.kind === 'message') row.messages += 1;
        break;
      }
      case 'request.submitted':
        this.requestRow(entry.subjectId, (row) => (row.submitted += 1));
        break;
      case 'request.transition':
        this.countAnswer(entry.subjectId, str(data.to));
        break;
      case 'request.overdue':
        this.requestRow(entry.subjectId, (row) => (row.overdue += 1));
        break;
      case 'user.activated':
        this.upkeep.get(state).accountsActivated += 1;
        break;
      case 'user.suspended':
        this.upkeep.get(state).suspensions += 1;
        break;
      case 'user.keys-rotated':
        this.upkeep.get(state).keyRotations += 1;
        break;
      case 'directory.entry-confirmed':
        this.upkeep.get(state).entriesConfirmed += 1;
        break;
      case 'liveness.check-started':
        if (entry.subjectId && this.checksCounted.has(entry.subjectId)) break;
        if (entry.subjectId) this.checksCounted.add(entry.subjectId);
        this.countCheck(state, data);
        break;
      case 'liveness.acknowledged': {
        const row = this.upkeep.get(state);
        row.livenessAnswered += 1;
        if (typeof data.responseMs === 'number') row.responses.push(data.responseMs);
        break;
      }
      case 'policy.published':
        this.upkeep.get(state).policyVersions += 1;
        break;
      case 'consensus.proposed':
        this.decisions.proposed += 1;
        break;
      case 'consensus.settled':
        if (data.status === 'adopted' || data.status === 'rejected') this.decisions[data.status] += 1;
        break;
      case 'consensus.withdrawn':
        this.decisions.withdrawn += 1;
        break;
      default:
        break;
    }
  }

  /** A check counts for each state it prompted ("KZ:3" in perState); older entries name one state and its targets. */
  private countCheck(state: string, data: AuditEntry['data']): void {
    const perState = strings(data.perState).map((item): [string, number] => {
      const [code = '', count = '0'] = item.split(':');
      return [code, Number(count) || 0];
    });
    const legacy: Array<[string, number]> = state ? [[state, typeof data.targets === 'number' ? data.targets : 0]] : [];
    for (const [code, count] of perState.length > 0 ? perState : legacy) {
      const row = this.upkeep.get(code);
      row.livenessChecks += 1;
      if (data.scheduled === true) row.livenessScheduledChecks += 1;
      row.livenessPrompted += count;
    }
  }

  /** A case counts as answered (or declined) once, however many steps it took. */
  private countAnswer(caseId: string | null, to: string | undefined): void {
    const known = caseId ? this.cases.get(caseId) : undefined;
    if (!known) return;
    if ((to === 'answered' || to === 'partially-answered') && !known.answered) {
      known.answered = true;
      this.requestRow(caseId, (row) => (row.answered += 1));
    }
    if (to === 'declined' && !known.declined) {
      known.declined = true;
      this.requestRow(caseId, (row) => (row.declined += 1));
    }
  }

  private requestRow(caseId: string | null, count: (row: RequestRow) => void): void {
    const known = caseId ? this.cases.get(caseId) : undefined;
    if (known) count(this.requests.get(known.requesterState, known.requestedState, known.domain));
  }

  /** One count per exchange and recipient state, under the exchange's last decision. */
  private exchangeRows(): ExchangeRow[] {
    const rows = new Rows<ExchangeRow>((fromState, toState, domain) => ({
      fromState,
      toState,
      domain,
      allowed: 0,
      withConditions: 0,
      held: 0,
      denied: 0,
    }));
    for (const { fromState, domain, outcomes } of [...this.unattributed, ...this.decided.values()]) {
      for (const outcome of outcomes) {
        const [toState = '', effect = ''] = outcome.split(':');
        const field = EFFECT_FIELD[effect as keyof typeof EFFECT_FIELD];
        if (field) rows.get(fromState, toState, domain)[field] += 1;
      }
    }
    return rows.all();
  }

  /** The figures, for one state (rows it takes part in) or the whole network; rows sorted. `now` ends what has been held so far. */
  figures(state: string | null, now: Date = this.period.to): Figures {
    const involves = (...states: string[]): boolean => state === null || states.includes(state);
    const byKeys =
      <T>(key: (row: T) => string) =>
      (a: T, b: T): number =>
        key(a).localeCompare(key(b));
    return {
      exchanges: this.exchangeRows()
        .filter((r) => involves(r.fromState, r.toState))
        .sort(byKeys((r) => `${r.fromState} ${r.toState} ${r.domain}`)),
      traffic: this.traffic
        .all()
        .filter((r) => involves(r.state))
        .sort(byKeys((r) => `${r.state} ${r.domain}`)),
      requests: this.requests
        .all()
        .filter((r) => involves(r.requesterState, r.requestedState))
        .sort(byKeys((r) => `${r.requesterState} ${r.requestedState} ${r.domain}`)),
      upkeep: this.upkeep
        .all()
        .filter((r) => r.state !== '' && involves(r.state))
        .sort(byKeys((r) => r.state))
        .map(({ responses, ...row }) => ({ ...row, livenessMedianResponseMs: median(responses) })),
      decisions: { ...this.decisions },
      activities: this.activities.figures(state, now),
    };
  }
}
