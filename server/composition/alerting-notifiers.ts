import type { LivenessNotifier } from '../modules/liveness/liveness-deps.js';
import type { MessageNotifier } from '../modules/messaging/messaging-deps.js';
import type { ApprovalNotifier } from '../modules/policies/policies-deps.js';
import type { RequestNotifier } from '../modules/requests/requests-deps.js';
import type { ConsensusNotifier } from '../modules/consensus/consensus-deps.js';
import {
  approvalWaitingAlert,
  consensusAlert,
  consensusClosingAlert,
  livenessPromptAlert,
  messageArrivedAlert,
  requestOverdueAlert,
  requestReminderAlert,
  requestUpdatedAlert,
} from '../modules/alerts/alerts-from-events.js';
import type { Clock } from '../system/clock.js';
import type { Alerts } from './alerts.js';

export interface AlertingNotifiers {
  livenessNotifier: LivenessNotifier;
  messageNotifier: MessageNotifier;
  requestNotifier: RequestNotifier;
  consensusNotifier: ConsensusNotifier;
  approvalNotifier: ApprovalNotifier;
}

/**
 * Each module's notices go to open sockets as before and, as alerts, to the channels outside the
 * app (e-mail, webhooks), which queue them durably. The modules do not know the difference.
 */
export function alertingNotifiers(
  inner: AlertingNotifiers,
  alerts: Pick<Alerts, 'raise'>,
  clock: Clock,
): AlertingNotifiers {
  const raise = (alert: Parameters<Alerts['raise']>[0]) => void alerts.raise(alert);
  return {
    livenessNotifier: {
      prompt(userId, prompt) {
        inner.livenessNotifier.prompt(userId, prompt);
        raise(livenessPromptAlert(userId, prompt, clock.now()));
      },
    },
    messageNotifier: {
      deliver(userId, message) {
        inner.messageNotifier.deliver(userId, message);
        raise(messageArrivedAlert(userId, message, clock.now()));
      },
      status: (userId, event) => inner.messageNotifier.status(userId, event),
    },
    requestNotifier: {
      updated(userId, view, actorId) {
        inner.requestNotifier.updated(userId, view, actorId);
        raise(requestUpdatedAlert(userId, view, actorId, clock.now()));
      },
      reminder(userId, event) {
        inner.requestNotifier.reminder(userId, event);
        raise(requestReminderAlert(userId, event.case, clock.now()));
      },
      overdue(userId, event) {
        inner.requestNotifier.overdue(userId, event);
        raise(requestOverdueAlert(userId, event.case, clock.now()));
      },
    },
    consensusNotifier: {
      updated(proposal) {
        inner.consensusNotifier.updated(proposal);
        raise(consensusAlert(proposal, clock.now()));
      },
      closing(proposal, silentStates) {
        inner.consensusNotifier.closing(proposal, silentStates);
        for (const state of silentStates) raise(consensusClosingAlert(proposal, state, clock.now()));
      },
    },
    approvalNotifier: {
      updated(state, event) {
        inner.approvalNotifier.updated(state, event);
        raise(approvalWaitingAlert(state, event, clock.now()));
      },
    },
  };
}
