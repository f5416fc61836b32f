export interface LivenessCheck {
  id: string;
  startedBy: string;
  scopeState: string | null;
  scopeDomain: string | null;
  startedAt: Date;
  deadline: Date;
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
  find(id: string): Promise<LivenessCheck | undefined>;
  recent(limit: number): Promise<LivenessCheck[]>;
  targetsOf(checkId: string): Promise<LivenessTarget[]>;
  target(checkId: string, userId: string): Promise<LivenessTarget | undefined>;
  /** Unanswered prompts of a person, e.g. to deliver when they connect. */
  openFor(userId: string): Promise<LivenessTarget[]>;
  /** Records the first answer only (a unique claim); false when it was answered already. */
  answer(checkId: string, userId: string, at: Date): Promise<boolean>;
}
