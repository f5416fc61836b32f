import { useCallback, useMemo } from 'react';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { isApiError } from '../../../../sdk/index';
import { useClient, useSession } from '../../../services/client-context';
import { useLoaded } from '../../../hooks/use-loaded';
import { compileReadable, readablePolicies, type ReadablePolicies } from './readable-policies';
import type { CompiledPolicy } from '../../../../../shared/policy/index';

export interface LoadedPolicies {
  policies: ReadablePolicies;
  compiled: ReadonlyMap<string, CompiledPolicy>;
}

/**
 * The policies this person may read, loaded once: every state's published rules, and their own
 * state's policy in full (the secretariat has no state, so it sees published rules only).
 */
export function useReadablePolicies(): { loaded: LoadedPolicies | undefined; error: unknown; reload: () => void } {
  const client = useClient();
  const state = useSession()?.user.state ?? null;
  const result = useLoaded(
    useCallback(async () => {
      const ownFull = async (): Promise<FullPolicyView | null> => {
        if (state === null) return null;
        try {
          const view = await client.policies.current(state);
          return view.scope === 'full' ? view : null;
        } catch (caught) {
          if (isApiError(caught, 'policy.not-found')) return null;
          throw caught;
        }
      };
      const [published, own] = await Promise.all([client.policies.listPublished(), ownFull()]);
      return readablePolicies(published, own);
    }, [client, state]),
  );
  const loaded = useMemo(
    () => (result.data ? { policies: result.data, compiled: compileReadable(result.data) } : undefined),
    [result.data],
  );
  return { loaded, error: result.error, reload: result.reload };
}
