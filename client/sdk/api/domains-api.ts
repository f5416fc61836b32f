import { z } from 'zod';
import { DomainView } from '../../../shared/schemas/directory.js';
import type { SessionManager } from '../session-manager.js';

export interface DomainsApi {
  /** The network's domains with English and Russian names: the seeded four and those added by consensus. */
  list(): Promise<DomainView[]>;
}

export function domainsApi(session: SessionManager): DomainsApi {
  return {
    list: () => session.authed({ method: 'GET', path: '/api/domains', schema: z.array(DomainView) }),
  };
}
