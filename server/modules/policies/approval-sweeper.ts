import type { PoliciesDeps } from './policies-deps.js';
import { sweepApprovals } from './sweep-approvals.js';

/** How often each node looks for expired approval requests. */
export const APPROVAL_SWEEP_INTERVAL_MS = 60_000;

export interface ApprovalSweeper {
  /** Stops the timer and waits for a sweep in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/** Runs sweepApprovals on a timer that never keeps the process alive; runs never overlap. */
export function startApprovalSweeper(deps: PoliciesDeps, options: { intervalMs: number; onError: (error: unknown) => void }): ApprovalSweeper {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= sweepApprovals(deps)
      .then(() => undefined, options.onError)
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
