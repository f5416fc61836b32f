import type { Logger } from 'pino';
import type { Modules } from './modules.js';
import type { ServerMetrics } from '../observability/metrics.js';
import { CONSENSUS_SWEEP_INTERVAL_MS, sweepProposals } from '../modules/consensus/settle-proposals.js';
import {
  LIVENESS_SCHEDULE_SWEEP_INTERVAL_MS,
  sweepLivenessSchedules,
} from '../modules/liveness/sweep-liveness-schedules.js';
import { reconcileHeldMessages } from '../modules/messaging/reconcile-held-messages.js';
import { sweepMessages } from '../modules/messaging/sweep-messages.js';
import { APPROVAL_SWEEP_INTERVAL_MS, sweepApprovals } from '../modules/policies/sweep-approvals.js';
import { COSIGNATURE_SWEEP_INTERVAL_MS, sweepCosignatures } from '../modules/policies/sweep-cosignatures.js';
import { REQUEST_SWEEP_INTERVAL_MS, sweepRequests } from '../modules/requests/sweep-requests.js';
import { startPeriodic } from '../system/periodic.js';
import { DUAL_CONTROL_SWEEP_INTERVAL_MS, sweepDualControl } from '../modules/dual-control/sweep-requests.js';
import { catchUpRequestAlerts } from '../modules/alerts/catch-up-request-alerts.js';
import { EVENT_REMINDER_SWEEP_INTERVAL_MS, sweepEventReminders } from '../modules/events/sweep-event-reminders.js';

const TRAVEL_DOCUMENTS_LISTED_REFRESH_MS = 30_000;

export interface Sweepers {
  /** Stops every sweep, waiting for runs in progress. */
  stop(): Promise<void>;
}

/** Background sweeps on every node; runs never overlap and never keep the process alive. */
export function startSweepers(
  modules: Modules,
  logger: Logger,
  intervals: { outboxSweepMs: number },
  metrics?: Pick<ServerMetrics, 'timedSweep'>,
): Sweepers {
  const failed = (what: string) => (error: unknown) => logger.error({ err: error }, `${what} failed`);
  // Each run's duration under the sweep's name (focalnet_sweep_seconds).
  const timed = <T>(name: string, run: () => Promise<T>): (() => Promise<T>) => metrics?.timedSweep(name, run) ?? run;
  const sweepers = [
    startPeriodic(
      timed('approvals', () => sweepApprovals(modules.policies)),
      APPROVAL_SWEEP_INTERVAL_MS,
      failed('approval sweep'),
    ),
    startPeriodic(
      timed('policy-cosignatures', () => sweepCosignatures(modules.policies)),
      COSIGNATURE_SWEEP_INTERVAL_MS,
      failed('policy co-signature sweep'),
    ),
    startPeriodic(
      timed('requests', async () => {
        await sweepRequests(modules.requests);
        await catchUpRequestAlerts(modules.requests, modules.alerts.raise);
      }),
      REQUEST_SWEEP_INTERVAL_MS,
      failed('request sweep'),
    ),
    startPeriodic(
      timed('consensus', () => sweepProposals(modules.consensus)),
      CONSENSUS_SWEEP_INTERVAL_MS,
      failed('consensus sweep'),
    ),
    startPeriodic(
      timed('dual-control', () => sweepDualControl(modules.dualControl)),
      DUAL_CONTROL_SWEEP_INTERVAL_MS,
      failed('dual-control sweep'),
    ),
    startPeriodic(
      timed('liveness-schedules', () => sweepLivenessSchedules(modules.liveness)),
      LIVENESS_SCHEDULE_SWEEP_INTERVAL_MS,
      failed('liveness schedule sweep'),
    ),
    startPeriodic(
      timed('event-reminders', () => sweepEventReminders(modules.events)),
      EVENT_REMINDER_SWEEP_INTERVAL_MS,
      failed('event reminder sweep'),
    ),
    startPeriodic(
      timed('housekeeping', async () => {
        await sweepMessages(modules.messaging);
        await reconcileHeldMessages(modules.messaging);
        await modules.housekeeping();
      }),
      60_000,
      failed('sweep'),
    ),
    // Keeps this node's copy of the listed travel documents current, so a sync after a quiet
    // spell (or the first after a start, which builds it by one scan) does not wait for it.
    startPeriodic(
      timed('travel-documents-listed', () => modules.travelDocuments.listed.current()),
      TRAVEL_DOCUMENTS_LISTED_REFRESH_MS,
      failed('travel documents listed-set refresh'),
    ),
    // Each channel sends what is due; one channel's failure does not hold back the others.
    ...modules.alerts.channels.map((channel) =>
      startPeriodic(
        timed(`outbox-${channel.name}`, () => channel.drain()),
        intervals.outboxSweepMs,
        failed(`${channel.name} outbox`),
      ),
    ),
  ];
  return {
    async stop() {
      await Promise.all(sweepers.map((sweeper) => sweeper.stop()));
    },
  };
}
