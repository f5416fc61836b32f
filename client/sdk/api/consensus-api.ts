import { z } from 'zod';
import {
  ProposalView,
  type CreateProposal,
  type TakePosition,
  type WithdrawProposal,
} from '../../../shared/schemas/consensus.js';
import type { SessionManager } from '../session-manager.js';

export interface ConsensusApi {
  /** Admins: proposals for network-wide decisions, newest first. */
  list(): Promise<ProposalView[]>;
  get(id: string): Promise<ProposalView>;
  /** The secretariat puts a decision to the member states. */
  propose(input: z.input<typeof CreateProposal>): Promise<ProposalView>;
  /** A national admin gives their state's position. */
  takePosition(id: string, input: TakePosition): Promise<ProposalView>;
  /** The secretariat withdraws an open proposal. */
  withdraw(id: string, input?: WithdrawProposal): Promise<ProposalView>;
}

export function consensusApi(session: SessionManager): ConsensusApi {
  const path = (id: string, action = ''): string =>
    `/api/proposals/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  return {
    list: () => session.authed({ method: 'GET', path: '/api/proposals', schema: z.array(ProposalView) }),
    get: (id) => session.authed({ method: 'GET', path: path(id), schema: ProposalView }),
    propose: (input) => session.authed({ method: 'POST', path: '/api/proposals', body: input, schema: ProposalView }),
    takePosition: (id, input) =>
      session.authed({ method: 'POST', path: path(id, 'position'), body: input, schema: ProposalView }),
    withdraw: (id, input = {}) =>
      session.authed({ method: 'POST', path: path(id, 'withdraw'), body: input, schema: ProposalView }),
  };
}
