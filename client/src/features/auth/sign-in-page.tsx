import { useEffect } from 'react';
import { navigate } from '../../router/router';
import { useSession, useUnlockedKeys } from '../../services/client-context';
import { SignInFlow } from './sign-in-flow';

export function SignInPage() {
  const session = useSession();
  const keys = useUnlockedKeys();
  const done = session !== undefined && keys?.username === session.user.username;
  useEffect(() => {
    if (done) navigate('/', { replace: true });
  }, [done]);
  return done ? null : <SignInFlow />;
}
