import type { UserView } from '../../../../../shared/schemas/accounts';
import { HomeListView } from './home-list';
import { QuickLinks } from './quick-links';
import { useFocalPointItems } from './use-focal-point-items';
import { DutyHomeNotice } from '../../duty-roster/duty-home-notice';

/** A focal point's "What needs you": messages, requests, their entry; then the usual starting points. */
export function FocalPointHome({ user }: { user: UserView }) {
  const list = useFocalPointItems(user);
  return (
    <>
      <DutyHomeNotice userId={user.id} />
      <HomeListView list={list} />
      <QuickLinks user={user} />
    </>
  );
}
