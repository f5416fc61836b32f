import type { ReactNode } from 'react';
import { useSession, useUnlockedKeys } from '../../services/client-context';
import { SignInFlow } from './sign-in-flow';

/** Children only for a signed-in person whose keys are unlocked in this tab. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const keys = useUnlockedKeys();
  if (!session || keys?.username !== session.user.username) return <SignInFlow />;
  return <>{children}</>;
}
