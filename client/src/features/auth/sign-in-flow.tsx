import { useState } from 'react';
import { useSession } from '../../services/client-context';
import { SignInForm } from './sign-in-form';
import { UnlockKeysForm } from './unlock-keys-form';

/** Sign in, then unlock the keys; renders nothing once both are done. */
export function SignInFlow() {
  const session = useSession();
  const [signedIn, setSignedIn] = useState<{ password: string; remember: boolean }>();
  if (!session) return <SignInForm onSignedIn={(password, remember) => setSignedIn({ password, remember })} />;
  return <UnlockKeysForm autoPassword={signedIn?.password} remember={signedIn?.remember ?? false} />;
}
