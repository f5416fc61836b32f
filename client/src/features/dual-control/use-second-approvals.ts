import { useCallback, useMemo } from 'react';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** The pending requests the signed-in admin may see, and each subject's, for the people pages. */
export function useSecondApprovals(): {
  pending: DualControlRequestView[] | undefined;
  error: unknown;
  bySubject: Map<string, DualControlRequestView>;
  reload: () => void;
} {
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.dualControl.list('pending'), [client]));
  const bySubject = useMemo(
    () => new Map((loaded.data ?? []).map((request) => [request.subjectId, request])),
    [loaded.data],
  );
  return { pending: loaded.data, error: loaded.error, bySubject, reload: loaded.reload };
}
