/**
 * The node's "I am stopping" flag (SIGTERM in a rolling restart). Readiness turns 503 at once so a
 * load balancer stops sending new work, and socket events are refused as retryable so clients
 * resend them to another node instead of racing this node's shutdown.
 */
export interface Draining {
  readonly active: boolean;
  /** Idempotent; `onStart` (the metrics gauge) runs once. */
  start(): void;
}

export function createDraining(onStart?: () => void): Draining {
  let active = false;
  return {
    get active() {
      return active;
    },
    start() {
      if (active) return;
      active = true;
      onStart?.();
    },
  };
}
