import type {
  CentreInput,
  Period,
  TrainingFormat,
  TrainingRequestInput,
  TrainingStatus,
} from '../../../shared/schemas/training.js';

export interface Centre extends CentreInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  lastConfirmedAt: Date;
}

export interface CentreFilter {
  domain?: string;
  /** Matched against the subject tags without regard to case. */
  subject?: string;
  language?: string;
  state?: string;
}

/** Centres of Excellence, one document each. */
export interface CentreStore {
  create(centre: Omit<Centre, 'id'>): Promise<Centre>;
  find(id: string): Promise<Centre | undefined>;
  list(filter: CentreFilter): Promise<Centre[]>;
  /** Replaces the described fields; undefined when there is no such centre. */
  update(id: string, input: CentreInput, at: Date): Promise<Centre | undefined>;
  confirm(id: string, at: Date): Promise<Centre | undefined>;
  remove(id: string): Promise<boolean>;
}

export interface TrainingRequest extends Omit<TrainingRequestInput, 'centreId' | 'notes'> {
  id: string;
  centreId: string | null;
  notes: string | null;
  requestingState: string;
  status: TrainingStatus;
  requestedBy: string;
  createdAt: Date;
  answeredBy: string | null;
  answeredAt: Date | null;
  proposedPeriod: Period | null;
  format: TrainingFormat | null;
  declineReason: string | null;
  eventId: string | null;
  plannedAt: Date | null;
}

/** What one step changes: only taken while the request is still in `from` (a conditional write). */
export type TrainingStep = Partial<
  Pick<
    TrainingRequest,
    'status' | 'answeredBy' | 'answeredAt' | 'proposedPeriod' | 'format' | 'declineReason' | 'eventId' | 'plannedAt'
  >
>;

export interface TrainingRequestStore {
  create(request: Omit<TrainingRequest, 'id'>): Promise<TrainingRequest>;
  find(id: string): Promise<TrainingRequest | undefined>;
  /** Requests a state sent or received (any state: undefined), newest first. */
  list(filter: { requestingState?: string; hostState?: string; eitherState?: string }): Promise<TrainingRequest[]>;
  /** Applies `step` only if the request is still in status `from`: undefined when another answer came first. */
  advance(id: string, from: TrainingStatus, step: TrainingStep): Promise<TrainingRequest | undefined>;
}

/**
 * The events calendar, as training requests need it: the state hosting an event, or undefined
 * when there is no such event. Wired to the events store by the composition once it exists.
 */
export interface PlannedEvents {
  hostOf(eventId: string): Promise<string | undefined>;
}
