import { lazy, Suspense } from 'react';
import { useSession, useUnlockedKeys } from '../../services/client-context';

// Loaded only for a focal point who can answer (it shares the tab's one socket).
const LivenessPrompter = lazy(() =>
  import('./liveness-prompter').then((module) => ({ default: module.LivenessPrompter })),
);

/** On every page of an active focal point whose keys are unlocked in this tab: liveness prompts. */
export function LivenessBanner() {
  const session = useSession();
  const keys = useUnlockedKeys();
  const active =
    session?.user.role === 'focal-point' &&
    session.user.status === 'active' &&
    keys?.username === session.user.username;
  if (!active) return null;
  // Keyed by user: another account signing in in this tab starts afresh.
  return (
    <Suspense fallback={null}>
      <LivenessPrompter key={session.user.id} />
    </Suspense>
  );
}
