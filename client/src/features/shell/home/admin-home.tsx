import type { UserView } from '../../../../../shared/schemas/accounts';
import { HomeListView } from './home-list';
import { useAdminItems } from './use-admin-items';

/** A national admin's or the secretariat's "What needs you". */
export function AdminHome({ user }: { user: UserView }) {
  return <HomeListView list={useAdminItems(user)} />;
}
