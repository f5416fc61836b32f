import type {
  ActivityFigures,
  AttendanceRow,
  CircularRow,
  EventRow,
  LibraryRow,
  TrainingRow,
  TravelDocumentRow,
} from '../../../shared/schemas/review.js';
import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { Rows, str, strings, type Period } from './tally-rows.js';

interface EventFacts {
  hostState: string | null;
  domains: string[];
  endsAt: Date | undefined;
  cancelled: boolean;
  /** Participants registered per state, withdrawals subtracted. */
  participants: Map<string, number>;
}

interface CircularFacts {
  row: CircularRow;
  readers: Set<string>;
}

type TrainingFacts = Pick<TrainingRow, 'requesterState' | 'hostState' | 'domain'>;

const idOf = (entry: AuditEntry, key: string): string | undefined =>
  str(entry.data[key]) ?? entry.subjectId ?? undefined;
const countOf = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
/**
 * Member states in a list: codes, "<state>:<effect>:<deciding states>" (a state left out) or
 * `{ state }`; the secretariat's reserved code is no member state.
 */
const memberStatesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .map((item: unknown) => (typeof item === 'string' ? item.split(':')[0] : str((item as { state?: unknown })?.state)))
    .filter((code): code is string => Boolean(code) && code !== SECRETARIAT_STATE);

/**
 * The action plan's activities from the audit trail: events held and attended, circulars sent and
 * read, documents for comment, library items, training requests. Facts about a thing (an event's
 * dates, a request's states) are remembered from every entry, since it may have been set up in an
 * earlier year; only what happened within the period counts.
 */
export class ActivityTally {
  private readonly events = new Map<string, EventFacts>();
  private readonly circulars = new Map<string, CircularFacts>();
  private readonly circularRows = new Rows<CircularRow>((sender, domain) => ({
    senderState: sender === '' ? null : sender,
    domain,
    sent: 0,
    recipients: 0,
    statesReached: 0,
    statesRead: 0,
    statesLeftOut: 0,
  }));
  private readonly documents = {
    circulated: 0,
    revisions: 0,
    comments: 0,
    objections: 0,
    adopted: 0,
    endedByObjection: 0,
  };
  private readonly library = new Rows<LibraryRow>((domain, kind) => ({ domain, kind, items: 0, newVersions: 0 }));
  private readonly trainingCases = new Map<string, TrainingFacts>();
  private readonly training = new Rows<TrainingRow>((requesterState, hostState, domain) => ({
    requesterState,
    hostState,
    domain,
    requested: 0,
    accepted: 0,
    declined: 0,
    planned: 0,
  }));

  private readonly travelDocuments = new Rows<TravelDocumentRow>((state, month) => ({
    state,
    month,
    listed: 0,
    withdrawn: 0,
    screened: 0,
    hits: 0,
  }));

  constructor(private readonly period: Period) {}

  add(entry: AuditEntry): void {
    this.remember(entry);
    if (entry.at < this.period.from || entry.at >= this.period.to) return;
    const { data } = entry;
    switch (entry.type) {
      case 'circular.sent':
        this.countCircular(entry);
        break;
      case 'document.circulated':
        this.documents.circulated += 1;
        break;
      case 'document.revised':
        this.documents.revisions += 1;
        break;
      case 'document.commented':
        this.documents.comments += 1;
        break;
      case 'document.objected':
        this.documents.objections += 1;
        break;
      case 'document.adopted':
        this.documents.adopted += 1;
        break;
      case 'consensus.settled':
        if (data.kind === 'adopt-document' && data.outcome === 'objection') this.documents.endedByObjection += 1;
        break;
      case 'library.published': {
        const row = this.library.get(str(data.domain) ?? '', str(data.kind) ?? 'other');
        if (countOf(data.version, 1) > 1) row.newVersions += 1;
        else row.items += 1;
        break;
      }
      case 'training.requested':
      case 'training.accepted':
      case 'training.declined':
      case 'training.planned':
        this.countTraining(entry);
        break;
      case 'travel-documents.listed':
      case 'travel-documents.withdrawn':
      case 'travel-documents.screening-reported':
        this.countTravelDocuments(entry);
        break;
      default:
        break;
    }
  }

  /** Counts per listing or screening state and month of the entry. */
  private countTravelDocuments(entry: AuditEntry): void {
    const state = str(entry.data.state) ?? entry.state;
    if (!state) return;
    const row = this.travelDocuments.get(state, entry.at.toISOString().slice(0, 7));
    if (entry.type === 'travel-documents.listed') row.listed += countOf(entry.data.count, 0);
    else if (entry.type === 'travel-documents.withdrawn') row.withdrawn += countOf(entry.data.count, 1);
    else {
      row.screened += countOf(entry.data.screened, 0);
      row.hits += countOf(entry.data.hits, 0);
    }
  }

  /** What a later entry needs to be counted: events, circulars (their reads may come later) and training requests. */
  private remember(entry: AuditEntry): void {
    const { data } = entry;
    switch (entry.type) {
      case 'event.proposed':
      case 'event.updated': {
        const id = idOf(entry, 'eventId');
        if (!id) return;
        const known = this.events.get(id);
        const endsAt = str(data.endsAt);
        this.events.set(id, {
          hostState: data.hostState === undefined ? (known?.hostState ?? null) : (str(data.hostState) ?? null),
          domains: Array.isArray(data.domains) ? strings(data.domains) : (known?.domains ?? []),
          endsAt: endsAt ? new Date(endsAt) : known?.endsAt,
          cancelled: known?.cancelled ?? false,
          participants: known?.participants ?? new Map(),
        });
        break;
      }
      case 'event.cancelled': {
        const known = this.events.get(idOf(entry, 'eventId') ?? '');
        if (known) known.cancelled = true;
        break;
      }
      case 'event.registered':
      case 'event.registration-withdrawn': {
        const known = this.events.get(idOf(entry, 'eventId') ?? '');
        const state = str(data.registeringState) ?? str(data.state) ?? entry.state;
        if (!known || !state) return;
        const change = countOf(data.participants, 1) * (entry.type === 'event.registered' ? 1 : -1);
        known.participants.set(state, Math.max(0, (known.participants.get(state) ?? 0) + change));
        break;
      }
      case 'circular.read': {
        const known = this.circulars.get(idOf(entry, 'circularId') ?? '');
        const state = str(data.readerState) ?? str(data.state) ?? entry.state;
        if (known && state && state !== SECRETARIAT_STATE && !known.readers.has(state)) {
          known.readers.add(state);
          known.row.statesRead += 1;
        }
        break;
      }
      case 'training.requested': {
        const id = idOf(entry, 'requestId');
        const requesterState = str(data.requestingState) ?? str(data.requesterState) ?? entry.state;
        const hostState = str(data.hostState);
        if (id && requesterState && hostState)
          this.trainingCases.set(id, { requesterState, hostState, domain: str(data.domain) ?? '' });
        break;
      }
      default:
        break;
    }
  }

  private countCircular(entry: AuditEntry): void {
    const { data } = entry;
    const id = idOf(entry, 'circularId');
    if (!id || this.circulars.has(id)) return; // a retried send is audited once; guard anyway
    const row = this.circularRows.get(entry.state ?? '', str(data.domain) ?? '');
    row.sent += 1;
    row.recipients += countOf(data.recipients, 0);
    row.statesReached += memberStatesOf(data.includedStates).length;
    row.statesLeftOut += memberStatesOf(data.excludedStates).length;
    this.circulars.set(id, { row, readers: new Set() });
  }

  private countTraining(entry: AuditEntry): void {
    const known = this.trainingCases.get(idOf(entry, 'requestId') ?? '');
    if (!known) return;
    const row = this.training.get(known.requesterState, known.hostState, known.domain);
    const field = entry.type.slice('training.'.length) as 'requested' | 'accepted' | 'declined' | 'planned';
    row[field] += 1;
  }

  /** Events that ended within the period and before `now`, not cancelled, with their attendance. */
  private heldEvents(now: Date): { events: EventRow[]; attendance: AttendanceRow[] } {
    const events = new Rows<EventRow>((host, domain) => ({
      hostState: host === '' ? null : host,
      domain,
      events: 0,
      participatingStates: 0,
      participants: 0,
    }));
    const attendance = new Rows<AttendanceRow>((state, domain) => ({ state, domain, events: 0, participants: 0 }));
    const end = Math.min(this.period.to.getTime(), now.getTime() + 1);
    for (const event of this.events.values()) {
      if (event.cancelled || !event.endsAt) continue;
      if (event.endsAt < this.period.from || event.endsAt.getTime() >= end) continue;
      const present = [...event.participants].filter(([, count]) => count > 0);
      for (const domain of event.domains) {
        const row = events.get(event.hostState ?? '', domain);
        row.events += 1;
        row.participatingStates += present.length;
        for (const [state, count] of present) {
          row.participants += count;
          const attended = attendance.get(state, domain);
          attended.events += 1;
          attended.participants += count;
        }
      }
    }
    return { events: events.all(), attendance: attendance.all() };
  }

  /** The figures for one state (rows it takes part in; the secretariat's rows with the network's) or the whole network. */
  figures(state: string | null, now: Date): ActivityFigures {
    const involves = (...states: Array<string | null>): boolean => state === null || states.includes(state);
    const sorted = <T>(rows: T[], key: (row: T) => string): T[] => rows.sort((a, b) => key(a).localeCompare(key(b)));
    const held = this.heldEvents(now);
    return {
      events: sorted(
        held.events.filter((r) => involves(r.hostState)),
        (r) => `${r.hostState ?? ''} ${r.domain}`,
      ),
      attendance: sorted(
        held.attendance.filter((r) => involves(r.state)),
        (r) => `${r.state} ${r.domain}`,
      ),
      circulars: sorted(
        this.circularRows.all().filter((r) => involves(r.senderState)),
        (r) => `${r.senderState ?? ''} ${r.domain}`,
      ),
      documents: { ...this.documents },
      library: sorted(this.library.all(), (r) => `${r.domain} ${r.kind}`),
      training: sorted(
        this.training.all().filter((r) => involves(r.requesterState, r.hostState)),
        (r) => `${r.requesterState} ${r.hostState} ${r.domain}`,
      ),
      travelDocuments: sorted(
        this.travelDocuments.all().filter((r) => involves(r.state)),
        (r) => `${r.state} ${r.month}`,
      ),
    };
  }
}
