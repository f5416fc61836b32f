/**
 * Counts work in progress (socket event handlers) so a stopping node can wait for it: a send
 * being stored gets its acknowledgement out before the socket is closed and the database with it.
 */
export interface InFlight {
  readonly count: number;
  /** Runs `task`, counted until it settles. */
  track<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once nothing is in progress (at once when nothing is). */
  idle(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  const settle = (): void => {
    count -= 1;
    if (count > 0) return;
    const release = waiters;
    waiters = [];
    for (const resolve of release) resolve();
  };
  return {
    get count() {
      return count;
    },
    async track(task) {
      count += 1;
      try {
        return await task();
      } finally {
        settle();
      }
    },
    idle: () => (count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
