import type { ReactNode } from 'react';
import { useSession } from '../../services/client-context';
import { isAdmin } from '../../services/actor';
import { TotpRequired } from '../../components/totp-required';
import { CircularsPage } from './circulars-page';

function CircularsGate() {
  const me = useSession()?.user;
  if (!me) return null;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  return <CircularsPage me={me} />;
}

/** The page for /circulars, or undefined for any other path. */
export function circularsPage(path: string): ReactNode | undefined {
  return path === '/circulars' ? <CircularsGate /> : undefined;
}
