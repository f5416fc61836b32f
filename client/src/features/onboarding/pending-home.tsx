import { useSession } from '../../services/client-context';
import { useMe } from '../account/use-me';
import { PendingVerification } from './pending-verification';

const POLL_MS = 2_000;

/** Home of a signed-in person waiting for verification; polls until an admin activates them. */
export function PendingHome() {
  const session = useSession();
  const { me } = useMe(POLL_MS);
  if (!session) return null;
  return <PendingVerification user={session.user} verifiers={me?.verifiers ?? []} watching />;
}
