import type { ProposedChange } from '../../../shared/schemas/consensus.js';

/** What only one open proposal at a time may be about: a state to admit, a domain to add or rename, the network's liveness schedule. */
export function subjectOf(change: ProposedChange): string | null {
  switch (change.kind) {
    case 'admit-state':
      return change.state.code;
    case 'add-domain':
    case 'rename-domain':
    case 'retire-domain':
      return `domain:${change.domain.code}`;
    case 'set-liveness-schedule':
    case 'remove-liveness-schedule':
      return 'liveness-schedule';
    case 'set-travel-documents-reciprocity':
      return 'travel-documents-reciprocity';
    default:
      return null;
  }
}
