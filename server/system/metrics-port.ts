import { performance } from 'node:perf_hooks';

/** A policy decision's effect, as evaluated ('approve': held for national admins' approval). */
export type DecisionEffect = 'allow' | 'conditions' | 'approve' | 'deny';
export type ExchangeOutcome = 'accepted' | 'held' | 'denied';

/**
 * What the server's parts report to the metrics (server/observability/metrics.ts implements it).
 * Content-free by signature: a domain key, an effect, a count, a duration. The ids some methods
 * take only pair a live push with its acknowledgement in memory; they never become labels.
 */
export interface MetricsPort {
  policyDecision(effect: DecisionEffect): void;
  exchange(domain: string, outcome: ExchangeOutcome): void;
  /** message:send handled, in seconds. */
  relayAcked(seconds: number): void;
  /** A message:new push reached a socket of `room` on this node. */
  livePushed(room: string, messageId: string): void;
  /** The recipient's client acknowledged these copies (first acknowledgements only). */
  acknowledged(recipientId: string, messageIds: readonly string[]): void;
  /** A backlog page handed to the recipient (its copies are no longer "live" deliveries). */
  backlogPage(recipientId: string, messageIds: readonly string[]): void;
  /** One audit group commit (a segment) of `entries` entries was written. */
  auditSegment(entries: number): void;
  dbCommand(name: string, seconds: number): void;
  embeddedDbRestarted(): void;
  httpRequest(method: string, status: number, seconds: number): void;
}

const nothing = (): void => undefined;

/** Metrics off (and compositions without a server: CLI, seeding, benchmarks). */
export const NO_METRICS: MetricsPort = {
  policyDecision: nothing,
  exchange: nothing,
  relayAcked: nothing,
  livePushed: nothing,
  acknowledged: nothing,
  backlogPage: nothing,
  auditSegment: nothing,
  dbCommand: nothing,
  embeddedDbRestarted: nothing,
  httpRequest: nothing,
};

/** Seconds since `startedMs` (a performance.now() reading): monotonic, so clock changes do not skew it. */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
