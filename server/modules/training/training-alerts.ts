import type { Alert } from '../../../shared/schemas/alerts.js';
import type { TrainingRequest } from './ports.js';

/**
 * A request reaches the host's national admins, an answer the requesting state's: metadata only
 * (states, domain, ids). No `userId`: the alert is for the state's national admins.
 */
export function trainingAlert(
  request: TrainingRequest,
  kind: 'training.requested' | 'training.answered',
  at: Date,
): Alert {
  const [state, counterpartState] =
    kind === 'training.requested'
      ? [request.hostState, request.requestingState]
      : [request.requestingState, request.hostState];
  return {
    id: `${kind}:${request.id}`,
    kind,
    state,
    counterpartState,
    domain: request.domain,
    refs: { trainingRequestId: request.id },
    at: at.toISOString(),
  };
}
