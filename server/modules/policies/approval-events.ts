import type { ApprovalStatus } from '../../../shared/schemas/approvals.js';

/** A held exchange reached its final status: messaging releases or drops it and tells the sender. */
export interface ApprovalSettledEvent {
  approvalId: string;
  exchangeRef: string;
  status: Exclude<ApprovalStatus, 'pending'>;
  fromUserId: string;
  fromState: string;
  toStates: string[];
  /** The admin whose decision settled it; null when it expired. */
  decidedBy: string | null;
  comment: string | null;
  settledAt: Date;
}

export type ApprovalSettledListener = (event: ApprovalSettledEvent) => void | Promise<void>;

/** What other modules subscribe to. Each settlement is announced once, on the node that settled it. */
export interface ApprovalEvents {
  /** Returns a function that unsubscribes. */
  onApprovalSettled(listener: ApprovalSettledListener): () => void;
}

export interface ApprovalEventBus extends ApprovalEvents {
  /** Resolves when every listener has finished (or failed), so an approver's answer comes after the release. */
  emitSettled(event: ApprovalSettledEvent): Promise<void>;
}

/**
 * In-process event bus. A failing listener is reported to `onListenerError` and never fails the
 * use case that emitted: the settlement is already stored when listeners run.
 */
export function createApprovalEventBus(
  onListenerError: (error: unknown, event: ApprovalSettledEvent) => void,
): ApprovalEventBus {
  const listeners = new Set<ApprovalSettledListener>();
  return {
    onApprovalSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async emitSettled(event) {
      await Promise.all(
        [...listeners].map(async (listener) => {
          try {
            await listener(event);
          } catch (error) {
            onListenerError(error, event);
          }
        }),
      );
    },
  };
}
