export interface LivenessCheck {
  id: string;
  startedBy: string;
  scopeState: string | null;
  scopeDomain: string | null;
  startedAt: Date;
  deadline: Date;
  /** Set when a schedule started it: which schedule ("network" or a state code) and for which period. */
  schedule: { key: string; periodStart: Date } | null;
  /** When the unanswered are prompted again (scheduled checks); null once done or for manual checks. */
  remindAt: Date | null;
}

export interface LivenessTarget {
  checkId: string;
  userId: string;
  state: string;
  nonce: string;
  promptedAt: Date;
  deadline: Date;
  answeredAt: Date | null;
}

/** Liveness checks and the prompts they sent (one target per person asked). */
export interface LivenessCheckStore {
  create(
    check: Omit<LivenessCheck, 'id'>,
    targets: Array<Omit<LivenessTarget, 'checkId' | 'answeredAt'>>,
  ): Promise<LivenessCheck>;
  /** Stores a scheduled run's targets under its id (see scheduledRunId); a repeat keeps those stored first, and their nonces. */
  addScheduledTargets(checkId: string, targets: Array<Omit<LivenessTarget, 'checkId' | 'answeredAt'>>): Promise<void>;
  /** Stores a scheduled run under its id: true for exactly one caller, false when it was stored already. */
  createScheduled(checkId: string, check: Omit<LivenessCheck, 'id'>): Promise<boolean>;
  find(id: string): Promise<LivenessCheck | undefined>;
  recent(limit: number): Promise<LivenessCheck[]>;
  /** The run of a schedule for one period, if it was started. */
  ofPeriod(scheduleKey: string, periodStart: Date): Promise<LivenessCheck | undefined>;
  /** A schedule's runs, newest first. */
  runsOf(scheduleKey: string, limit: number): Promise<LivenessCheck[]>;
  /** Scheduled checks whose reminder time has come and whose deadline has not passed. */
  remindersDue(now: Date, limit: number): Promise<LivenessCheck[]>;
  /** The check's reminders are sent: no sweep looks at it again. */
  remindersDone(checkId: string): Promise<void>;
  targetsOf(checkId: string): Promise<LivenessTarget[]>;
  target(checkId: string, userId: string): Promise<LivenessTarget | undefined>;
  /** Unanswered prompts of a person, e.g. to deliver when they connect. */
  openFor(userId: string): Promise<LivenessTarget[]>;
  /** Records the first answer only (a unique claim); false when it was answered already. */
  answer(checkId: string, userId: string, at: Date): Promise<boolean>;
}

/** "network" for the network's schedule, else the state's code: one schedule per key. */
export const NETWORK_SCHEDULE = 'network';

export interface LivenessSchedule {
  key: string;
  /** null: the network's. */
  state: string | null;
  everyMonths: number;
  answerHours: number;
  firstRunAt: Date;
  setBy: string;
  setAt: Date;
  proposalId: string | null;
}

/** The network's and the states' liveness schedules, one document per key (single-document writes). */
export interface LivenessScheduleStore {
  all(): Promise<LivenessSchedule[]>;
  find(key: string): Promise<LivenessSchedule | undefined>;
  /** Creates or replaces the schedule under its key. */
  put(schedule: LivenessSchedule): Promise<void>;
  /** False when there was none. */
  remove(key: string): Promise<boolean>;
}
