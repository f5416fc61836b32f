import type { NavItem } from '../policies/policy-nav';

/** The menu's groups, by what the person does there. */
export type NavGroupName = 'work' | 'activities' | 'state' | 'network';

export interface NavGroup {
  name: NavGroupName;
  items: NavItem[];
  /** The badges (title-count keys) whose counts add up on the group's heading. */
  waiting: readonly string[];
}

// Daily work; the action plan's activities (events, circulars, documents, library, training); the own
// state's settings and people; the network as a whole. Paths not listed are work.
const GROUP_OF: Record<string, NavGroupName> = {
  '/events': 'activities',
  '/circulars': 'activities',
  '/documents': 'activities',
  '/library': 'activities',
  '/travel-documents': 'activities',
  '/centres': 'activities',
  '/training-requests': 'activities',
  '/policies': 'state',
  '/policies/states': 'state',
  '/policies/preview': 'state',
  '/admin/invitations': 'state',
  '/admin/pending': 'state',
  '/admin/people': 'state',
  '/second-approvals': 'state',
  '/approvals': 'state',
  '/webhooks': 'state',
  '/directory/manage': 'state',
  '/liveness': 'state',
  '/notifications/deliveries': 'state',
  '/requests/overdue': 'state',
  '/decisions': 'network',
  '/review': 'network',
  '/requests/statistics': 'network',
  '/admin/audit': 'network',
};

const WAITING: Record<NavGroupName, readonly string[]> = {
  work: ['messages', 'requests'],
  activities: ['circulars'],
  state: ['people', 'second-approvals', 'approvals'],
  network: ['decisions'],
};

/** Sorts the allowed items into their groups, in menu order; groups left empty are dropped. */
export function groupNavItems(items: NavItem[]): NavGroup[] {
  return (['work', 'activities', 'state', 'network'] as const)
    .map((name) => ({
      name,
      items: items.filter((item) => (GROUP_OF[item.to] ?? 'work') === name),
      waiting: WAITING[name],
    }))
    .filter((group) => group.items.length > 0);
}

/** The menu item a path belongs to: the longest item path it starts with ("/messages/42" → Messages). */
export function itemOfPath(items: NavItem[], path: string): NavItem | undefined {
  return items
    .filter((item) => path === item.to || (item.to !== '/' && path.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0];
}
