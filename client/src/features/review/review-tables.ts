import type {
  AttendanceRow,
  CircularRow,
  EventRow,
  LibraryRow,
  TrainingRow,
  TravelDocumentRow,
  ExchangeRow,
  ImplementationReview,
  RequestRow,
  TrafficRow,
  UpkeepRow,
} from '../../../../shared/schemas/review';

/** How a cell is shown: a state or domain by its name, a count as it is, a duration in words. */
export type ColumnKind = 'state' | 'organiser' | 'domain' | 'libraryKind' | 'month' | 'count' | 'duration';

export type ReviewRow = Readonly<Record<string, unknown>>;

/** One table of the review: its rows, and its columns in order (the keys name the rows' fields). */
export interface ReviewTableSpec {
  name:
    | 'decisions'
    | 'exchanges'
    | 'traffic'
    | 'requests'
    | 'upkeep'
    | 'events'
    | 'attendance'
    | 'circulars'
    | 'documents'
    | 'library'
    | 'training'
    | 'travelDocuments';
  columns: readonly (readonly [key: string, kind: ColumnKind])[];
  rows: (review: ImplementationReview) => readonly ReviewRow[];
}

// Every field of a row must be given a column: a field added to the schema fails to compile here.
type ColumnsOf<Row> = { readonly [K in keyof Row]-?: ColumnKind };

function table<Row extends ReviewRow>(
  name: ReviewTableSpec['name'],
  rows: (review: ImplementationReview) => readonly Row[],
  columns: ColumnsOf<Row>,
): ReviewTableSpec {
  return { name, rows, columns: Object.entries<ColumnKind>(columns) };
}

/** The review's tables in the order the page shows them and the CSV lists them. */
export const REVIEW_TABLES: readonly ReviewTableSpec[] = [
  table<ImplementationReview['decisions']>('decisions', (review) => [review.decisions], {
    proposed: 'count',
    adopted: 'count',
    rejected: 'count',
    withdrawn: 'count',
  }),
  table<ExchangeRow>('exchanges', (review) => review.exchanges, {
    fromState: 'state',
    toState: 'state',
    domain: 'domain',
    allowed: 'count',
    withConditions: 'count',
    held: 'count',
    denied: 'count',
  }),
  table<TrafficRow>('traffic', (review) => review.traffic, {
    state: 'state',
    domain: 'domain',
    messages: 'count',
    requestSteps: 'count',
  }),
  table<RequestRow>('requests', (review) => review.requests, {
    requesterState: 'state',
    requestedState: 'state',
    domain: 'domain',
    submitted: 'count',
    answered: 'count',
    declined: 'count',
    overdue: 'count',
  }),
  table<UpkeepRow>('upkeep', (review) => review.upkeep, {
    state: 'state',
    accountsActivated: 'count',
    suspensions: 'count',
    keyRotations: 'count',
    entriesConfirmed: 'count',
    livenessChecks: 'count',
    livenessScheduledChecks: 'count',
    livenessPrompted: 'count',
    livenessAnswered: 'count',
    livenessMedianResponseMs: 'duration',
    policyVersions: 'count',
  }),
  table<EventRow>('events', (review) => review.activities.events, {
    hostState: 'organiser',
    domain: 'domain',
    events: 'count',
    participatingStates: 'count',
    participants: 'count',
  }),
  table<AttendanceRow>('attendance', (review) => review.activities.attendance, {
    state: 'state',
    domain: 'domain',
    events: 'count',
    participants: 'count',
  }),
  table<CircularRow>('circulars', (review) => review.activities.circulars, {
    senderState: 'organiser',
    domain: 'domain',
    sent: 'count',
    recipients: 'count',
    statesReached: 'count',
    statesRead: 'count',
    statesLeftOut: 'count',
  }),
  table<ImplementationReview['activities']['documents']>('documents', (review) => [review.activities.documents], {
    circulated: 'count',
    revisions: 'count',
    comments: 'count',
    objections: 'count',
    adopted: 'count',
    endedByObjection: 'count',
  }),
  table<LibraryRow>('library', (review) => review.activities.library, {
    domain: 'domain',
    kind: 'libraryKind',
    items: 'count',
    newVersions: 'count',
  }),
  table<TrainingRow>('training', (review) => review.activities.training, {
    requesterState: 'state',
    hostState: 'state',
    domain: 'domain',
    requested: 'count',
    accepted: 'count',
    declined: 'count',
    planned: 'count',
  }),
  table<TravelDocumentRow>('travelDocuments', (review) => review.activities.travelDocuments, {
    state: 'state',
    month: 'month',
    listed: 'count',
    withdrawn: 'count',
    screened: 'count',
    hits: 'count',
  }),
];
