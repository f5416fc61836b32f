import { ProposalView } from '../../../../shared/schemas/consensus';
import { useResync, useServerEvent } from '../../services/shared-socket';

/** Proposals pushed by the server as they are made, answered, ended or withdrawn. Listens only when `enabled`. */
export function useConsensusUpdates(updated: (proposal?: ProposalView) => void, enabled = true): void {
  useServerEvent('consensus:updated', ProposalView, updated, enabled);
  useResync(() => updated(), enabled); // undefined: pushes may have been missed, reload everything
}
