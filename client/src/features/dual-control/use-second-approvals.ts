import { useCallback, useMemo } from 'react';
import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { usePeopleUpdates } from '../admin/use-people-updates';

/** The pending requests the signed-in admin may see, and each subject's, for the people pages. */
export function useSecondApprovals(): {
  pending: DualControlRequestView[] | undefined;
  error: unknown;
  bySubject: Map<string, DualControlRequestView>;
  reload: () => void;
} {
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.dualControl.list('pending'), [client]));
  // The secretariat hears of each request made or decided about a national admin (people:updated).
  usePeopleUpdates(loaded.reload);
  const bySubject = useMemo(
    () => new Map((loaded.data ?? []).map((request) => [request.subjectId, request])),
    [loaded.data],
  );
  return { pending: loaded.data, error: loaded.error, bySubject, reload: loaded.reload };
}
