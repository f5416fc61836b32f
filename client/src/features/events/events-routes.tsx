import type { ReactNode } from 'react';
import { Id } from '../../../../shared/schemas/accounts';
import { useSession } from '../../services/client-context';
import type { UserView } from '../../../../shared/schemas/accounts';
import { EventFormPage } from './event-form';
import { EventPage } from './event-page';
import { EventsPage, mayPropose } from './events-page';
import { NotFoundPage } from '../../components/not-found-page';

function WithMe({ children }: { children: (me: UserView) => ReactNode }) {
  const me = useSession()?.user;
  return me ? <>{children(me)}</> : null;
}

/** The page for /events, /events/new, /events/:id and /events/:id/edit; undefined for any other path. */
export function eventsPage(path: string): ReactNode | undefined {
  if (path === '/events') return <WithMe>{(me) => <EventsPage me={me} />}</WithMe>;
  if (path === '/events/new')
    return <WithMe>{(me) => (mayPropose(me) ? <EventFormPage me={me} /> : <NotFoundPage />)}</WithMe>;
  const match = /^\/events\/([^/]+)(\/edit)?$/.exec(path);
  const id = match && Id.safeParse(match[1]).success ? match[1] : undefined;
  if (!match || !id) return undefined;
  return match[2] ? (
    <WithMe>{(me) => <EventFormPage me={me} eventId={id} />}</WithMe>
  ) : (
    <WithMe>{(me) => <EventPage me={me} eventId={id} />}</WithMe>
  );
}
