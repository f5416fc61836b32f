import { z } from 'zod';
import {
  DualControlRequestView,
  type AwaitingSecondApproval,
  type DualControlStatus,
} from '../../../shared/schemas/dual-control.js';
import type { SessionManager } from '../session-manager.js';

export interface DualControlApi {
  /** Actions waiting for a second approver that you may decide on or asked for; pending ones by default. */
  list(status?: DualControlStatus): Promise<DualControlRequestView[]>;
  get(id: string): Promise<DualControlRequestView>;
  /** The second approval: the action is carried out now (dual-control.same-person if you asked for it). */
  approve(id: string): Promise<DualControlRequestView>;
  refuse(id: string, reason: string): Promise<DualControlRequestView>;
  /** Withdraws a first step you took. */
  cancel(id: string): Promise<DualControlRequestView>;
}

/** True when an action on a national admin was only asked for and waits for a second person. */
export function isAwaitingSecondApproval(result: object): result is AwaitingSecondApproval {
  return 'status' in result && result.status === 'awaiting-second-approval';
}

export function dualControlApi(session: SessionManager): DualControlApi {
  const path = (id: string, step = ''): string => `/api/dual-control/${encodeURIComponent(id)}${step}`;
  return {
    list: (status = 'pending') =>
      session.authed({
        method: 'GET',
        path: '/api/dual-control',
        query: { status },
        schema: z.array(DualControlRequestView),
      }),
    get: (id) => session.authed({ method: 'GET', path: path(id), schema: DualControlRequestView }),
    approve: (id) => session.authed({ method: 'POST', path: path(id, '/approve'), schema: DualControlRequestView }),
    refuse: (id, reason) =>
      session.authed({ method: 'POST', path: path(id, '/refuse'), body: { reason }, schema: DualControlRequestView }),
    cancel: (id) => session.authed({ method: 'POST', path: path(id, '/cancel'), schema: DualControlRequestView }),
  };
}
