import { useState } from 'react';
import { useSession } from '../../services/client-context';
import { SignInForm } from './sign-in-form';
import { UnlockKeysForm } from './unlock-keys-form';

/** Sign in, then unlock the keys; renders nothing once both are done. */
export function SignInFlow() {
  const session = useSession();
  const [password, setPassword] = useState<string>();
  if (!session) return <SignInForm onSignedIn={setPassword} />;
  return <UnlockKeysForm autoPassword={password} />;
}
