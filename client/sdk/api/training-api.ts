import { z } from 'zod';
import {
  CentreList,
  CentreView,
  TrainingRequestList,
  TrainingRequestView,
  type AcceptTrainingInput,
  type CentreInput,
  type CentreQuery,
  type TrainingBox,
  type TrainingRequestInput,
} from '../../../shared/schemas/training.js';
import type { SessionManager } from '../session-manager.js';

/**
 * Centres of Excellence (everyone reads; a state's national admins describe its own) and training
 * requests between states (national admins; the secretariat reads them). Administrative
 * exchanges, not case content: sent in clear over TLS, nothing to seal.
 */
export interface TrainingApi {
  centres(query?: CentreQuery): Promise<CentreList>;
  centre(id: string): Promise<CentreView>;
  createCentre(input: CentreInput): Promise<CentreView>;
  /** Replaces the description (the state stays); saving confirms it as current. */
  updateCentre(id: string, input: CentreInput): Promise<CentreView>;
  /** "Still current": resets the centre's freshness. */
  confirmCentre(id: string): Promise<CentreView>;
  removeCentre(id: string): Promise<void>;
  /** My state's requests: incoming (to host), outgoing, or both; the secretariat: all. */
  requests(box?: TrainingBox): Promise<TrainingRequestView[]>;
  request(id: string): Promise<TrainingRequestView>;
  send(input: TrainingRequestInput): Promise<TrainingRequestView>;
  accept(id: string, input?: AcceptTrainingInput): Promise<TrainingRequestView>;
  decline(id: string, reason: string): Promise<TrainingRequestView>;
  withdraw(id: string): Promise<TrainingRequestView>;
  /** The host records the events-calendar event an accepted request became. */
  recordPlannedEvent(id: string, eventId: string): Promise<TrainingRequestView>;
}

export function trainingApi(session: SessionManager): TrainingApi {
  const centrePath = (id: string, rest = '') => `/api/centres/${encodeURIComponent(id)}${rest}`;
  const requestPath = (id: string, rest = '') => `/api/training-requests/${encodeURIComponent(id)}${rest}`;
  return {
    centres: (query = {}) => session.authed({ method: 'GET', path: '/api/centres', query, schema: CentreList }),
    centre: (id) => session.authed({ method: 'GET', path: centrePath(id), schema: CentreView }),
    createCentre: (input) => session.authed({ method: 'POST', path: '/api/centres', body: input, schema: CentreView }),
    updateCentre: (id, input) =>
      session.authed({ method: 'PUT', path: centrePath(id), body: input, schema: CentreView }),
    confirmCentre: (id) => session.authed({ method: 'POST', path: centrePath(id, '/confirm'), schema: CentreView }),
    async removeCentre(id) {
      await session.authed({ method: 'DELETE', path: centrePath(id), schema: z.object({ removed: z.literal(true) }) });
    },
    requests: async (box = 'all') =>
      (
        await session.authed({
          method: 'GET',
          path: '/api/training-requests',
          query: { box },
          schema: TrainingRequestList,
        })
      ).requests,
    request: (id) => session.authed({ method: 'GET', path: requestPath(id), schema: TrainingRequestView }),
    send: (input) =>
      session.authed({ method: 'POST', path: '/api/training-requests', body: input, schema: TrainingRequestView }),
    accept: (id, input = {}) =>
      session.authed({ method: 'POST', path: requestPath(id, '/accept'), body: input, schema: TrainingRequestView }),
    decline: (id, reason) =>
      session.authed({
        method: 'POST',
        path: requestPath(id, '/decline'),
        body: { reason },
        schema: TrainingRequestView,
      }),
    withdraw: (id) =>
      session.authed({ method: 'POST', path: requestPath(id, '/withdraw'), schema: TrainingRequestView }),
    recordPlannedEvent: (id, eventId) =>
      session.authed({
        method: 'POST',
        path: requestPath(id, '/planned'),
        body: { eventId },
        schema: TrainingRequestView,
      }),
  };
}
