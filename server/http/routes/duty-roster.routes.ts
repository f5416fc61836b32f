import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import { EntryView } from '../../../shared/schemas/directory.js';
import { AwayUpdate, DeskMembersUpdate } from '../../../shared/schemas/duty-roster.js';
import { setDeskMembers } from '../../modules/directory/desk-members.js';
import { clearAway, markAway } from '../../modules/directory/mark-away.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const UserParams = z.object({ userId: Id });

/** Away with a deputy, and the members of duty desks (both shown on directory entries). */
export function dutyRosterRoutes({ router, registry, directory, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'put',
    path: '/api/directory/entries/:userId/away',
    auth: authn,
    tag: 'directory',
    summary:
      "Mark a focal point away (yourself, or as national admin your state's), from now or `from` until an optional `until`, with a deputy: an active focal point of the same state sharing a domain, not away then. New requests and alerts also go to the deputy.",
    params: UserParams,
    body: AwayUpdate,
    response: EntryView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, body, req }) => markAway(directory, await authn.actor(req), params.userId, body),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/directory/entries/:userId/away',
    auth: authn,
    tag: 'directory',
    summary: 'Back (early), or a planned absence called off: the deputy no longer receives new requests and alerts.',
    params: UserParams,
    response: EntryView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => clearAway(directory, await authn.actor(req), params.userId),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/directory/entries/:userId/members',
    auth: authn,
    tag: 'directory',
    summary: "A duty desk's members: the national admin names the state's focal points who staff it.",
    params: UserParams,
    body: DeskMembersUpdate,
    response: EntryView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, body, req }) =>
      setDeskMembers(directory, await authn.actor(req), params.userId, body.members),
  });
}
