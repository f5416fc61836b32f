import { z } from 'zod';
import { StateView } from '../../../shared/schemas/directory.js';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type { SessionManager } from '../session-manager.js';

export interface StatesApi {
  /** Member states with English and Russian names and the domains each takes part in. */
  list(): Promise<StateView[]>;
  /** A state's national admins: the domains it takes part in (voluntary participation). */
  setParticipation(code: string, domains: readonly DomainCode[]): Promise<StateView>;
  // Which entry fields a state withholds from whom is part of its signed disclosure policy
  // (`directoryFields`): read it with policies.current and publish it with policies.signAndPublish.
}

export function statesApi(session: SessionManager): StatesApi {
  const path = (code: string, action: string): string => `/api/states/${encodeURIComponent(code)}/${action}`;
  return {
    list: () => session.authed({ method: 'GET', path: '/api/states', schema: z.array(StateView) }),
    setParticipation: (code, domains) =>
      session.authed({ method: 'PUT', path: path(code, 'participation'), body: { domains }, schema: StateView }),
  };
}
