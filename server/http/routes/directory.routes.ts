import { z } from 'zod';
import { SignedDirectorySnapshot } from '../../../shared/crypto/directory-snapshot-format.js';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  DirectoryPage,
  DirectorySearchQuery,
  DirectorySettings,
  DomainView,
  EntryUpdate,
  EntryView,
  ParticipationUpdate,
  StateView,
} from '../../../shared/schemas/directory.js';
import { StateCode } from '../../../shared/schemas/labels.js';
import {
  confirmEntry,
  getDirectorySettings,
  setParticipation,
  updateEntry,
} from '../../modules/directory/edit-directory.js';
import { listDomains } from '../../modules/directory/domains.js';
import { entriesToCsv } from '../../modules/directory/export-csv.js';
import {
  getEntry,
  listStates,
  readerOf,
  search,
  staleEntries,
  visibleEntries,
} from '../../modules/directory/read-directory.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const UserParams = z.object({ userId: Id });
const StateParams = z.object({ code: StateCode });
const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();

export function directoryRoutes({ router, registry, directory, authn, snapshots }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory',
    auth: authn,
    tag: 'directory',
    summary:
      'Search focal points: domain, states, language, role, 24/7, staleness, free text over name and authority; sorted and paged.',
    query: DirectorySearchQuery,
    response: DirectoryPage,
    errors: [400, 401, 403],
    handler: async ({ query, req }) => search(directory, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/entries/:userId',
    auth: authn,
    tag: 'directory',
    summary:
      "One entry, with keys, fingerprint and verification state; fields the entry's state withholds from you are absent.",
    params: UserParams,
    response: EntryView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => getEntry(directory, await authn.actor(req), params.userId),
  });

  defineRoute(router, registry, {
    method: 'patch',
    path: '/api/directory/entries/:userId',
    auth: authn,
    tag: 'directory',
    summary: "Edit an entry (your own, or as national admin your state's). Editing also confirms the entry is current.",
    params: UserParams,
    body: EntryUpdate,
    response: EntryView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, body, req }) => updateEntry(directory, await authn.actor(req), params.userId, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/directory/entries/:userId/confirm',
    auth: authn,
    tag: 'directory',
    summary: 'Confirm the entry is still current (resets the freshness clock).',
    params: UserParams,
    response: EntryView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => confirmEntry(directory, await authn.actor(req), params.userId),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/stale',
    auth: authn,
    tag: 'directory',
    summary: "Entries overdue for reconfirmation: your state's (national admins) or all (secretariat).",
    response: z.array(EntryView),
    errors: [401, 403],
    handler: async ({ req }) => staleEntries(directory, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/export',
    auth: authn,
    tag: 'directory',
    summary: 'Every entry you may see, as JSON or CSV, with the same field visibility as on screen.',
    query: ExportQuery,
    response: z.array(EntryView),
    errors: [400, 401, 403],
    alsoAnswers: { 'text/csv': z.string() },
    handler: async ({ query, req, res }) => {
      const actor = await authn.actor(req);
      const entries = await visibleEntries(directory, actor);
      await directory.audit.append({
        type: 'directory.exported',
        actorId: actor.id,
        state: actor.state,
        data: { format: query.format, entries: entries.length },
      });
      if (query.format === 'csv') {
        res.type('text/csv; charset=utf-8').attachment('focalnet-directory.csv').send(entriesToCsv(entries));
      }
      return entries;
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/snapshot',
    auth: authn,
    tag: 'directory',
    summary: "A snapshot of what you may see, signed by the server's directory key for offline verification.",
    response: SignedDirectorySnapshot,
    errors: [401, 403],
    handler: async ({ req }) => {
      const actor = await authn.actor(req);
      const entries = await visibleEntries(directory, actor);
      return snapshots.sign({
        v: 1,
        generatedAt: directory.clock.now().toISOString(),
        readerState: readerOf(actor).state,
        entries,
      });
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/signing-key',
    tag: 'directory',
    summary: 'The public key that signs directory snapshots (Ed25519, base64url), to pin in clients.',
    response: z.object({ publicKey: z.string() }),
    handler: () => ({ publicKey: snapshots.publicKey }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/settings',
    auth: authn,
    tag: 'directory',
    summary:
      'Network-wide directory settings: days after which an entry counts as stale (changed by consensus: POST /api/proposals).',
    response: DirectorySettings,
    errors: [401, 403],
    handler: async ({ req }) => getDirectorySettings(directory, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/domains',
    auth: authn,
    tag: 'directory',
    summary:
      'The domains of the network, in the order they were added (new ones come by consensus: POST /api/proposals).',
    response: z.array(DomainView),
    errors: [401, 403],
    handler: async ({ req }) => listDomains(directory.index, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/states',
    auth: authn,
    tag: 'states',
    summary: 'Member states with their names and the domains they take part in.',
    response: z.array(StateView),
    errors: [401, 403],
    handler: async ({ req }) => listStates(directory, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/states/:code/participation',
    auth: authn,
    tag: 'states',
    summary: 'The domains your state takes part in (voluntary participation).',
    params: StateParams,
    body: ParticipationUpdate,
    response: StateView,
    errors: [400, 401, 403, 409],
    handler: async ({ params, body, req }) =>
      setParticipation(directory, await authn.actor(req), params.code, body.domains),
  });
}
