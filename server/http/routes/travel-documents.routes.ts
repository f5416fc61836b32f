import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import {
  AddRingGrantsRequest,
  BucketParams,
  BucketResponse,
  ClearedMarker,
  ClearedMarkers,
  EntryParams,
  ListEntriesRequest,
  ListEntriesResponse,
  MonthlyScreenings,
  OwnEntriesPage,
  OwnEntriesQuery,
  OwnEntryView,
  ParticipationRequest,
  RekeyEntriesRequest,
  RekeyEntriesResponse,
  RingParams,
  RingView,
  RotateRingRequest,
  ScreeningReport,
  StateListings,
  StatisticsQuery,
  SyncQuery,
  TravelDocumentStatistics,
  TravelDocumentsStatus,
  UpdateEntryRequest,
  WithdrawEntryRequest,
} from '../../../shared/schemas/travel-documents.js';
import { SYNC_MEDIA_TYPE } from '../../../shared/travel-documents/sync-format.js';
import { toFieldIssues } from '../../system/field-issues.js';
import {
  listEntries,
  ownEntries,
  rekeyEntries,
  updateEntry,
  withdrawEntry,
} from '../../modules/travel-documents/entries.js';
import {
  setParticipation,
  stateListings,
  travelDocumentsStatus,
} from '../../modules/travel-documents/participation.js';
import { addRingGrants, rotateRing } from '../../modules/travel-documents/rings.js';
import {
  addClearedMarker,
  clearedMarkers,
  reportScreening,
  travelDocumentStatistics,
} from '../../modules/travel-documents/screenings.js';
import { bucket, syncStream } from '../../modules/travel-documents/sync.js';
import { defineRoute, documentedErrors, errorResponses } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const BASE = '/api/travel-documents';

/** Lost and stolen travel documents: keyed tags and ciphertexts in, the sync stream out (architecture). */
export function travelDocumentRoutes({ router, registry, travelDocuments: deps, authn }: RouteContext): void {
  const tag = 'travel-documents';

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/status`,
    auth: authn,
    tag,
    summary:
      'Whether your state takes part and you hold the keys (and why not); the reciprocity setting; for holders the network ring and their state ring.',
    response: TravelDocumentsStatus,
    handler: async ({ req }) => travelDocumentsStatus(deps, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/states`,
    auth: authn,
    tag,
    summary: 'Every member state: whether it takes part and how many current listings it has (counts only).',
    response: z.array(StateListings),
    handler: async ({ req }) => {
      await authn.actor(req);
      return stateListings(deps);
    },
  });

  defineRoute(router, registry, {
    method: 'put',
    path: `${BASE}/participation`,
    auth: authn,
    tag,
    summary:
      'A national admin takes their state in or out. Out: its holders hold no key any more (the rings are rotated) and its listings reach no one.',
    body: ParticipationRequest,
    response: TravelDocumentsStatus,
    errors: [403],
    handler: async ({ body, req }) => setParticipation(deps, await authn.actor(req), body.participating),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/rings/:ring/rotate`,
    auth: authn,
    tag,
    summary:
      "Open a ring's next epoch: a new key sealed to exactly the current holders (a holder of the ring; when it is new or a holder left).",
    params: RingParams,
    body: RotateRingRequest,
    response: RingView,
    status: 201,
    errors: [403, 404, 409],
    handler: async ({ params, body, req }) => rotateRing(deps, await authn.actor(req), params.ring, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/rings/:ring/grants`,
    auth: authn,
    tag,
    summary: "Share an epoch's ring key with current holders lacking it: only a holder of that epoch, once each.",
    params: RingParams,
    body: AddRingGrantsRequest,
    response: z.object({ granted: z.number().int() }),
    status: 201,
    errors: [403, 404],
    handler: async ({ params, body, req }) => addRingGrants(deps, await authn.actor(req), params.ring, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/entries`,
    auth: authn,
    tag,
    summary:
      "List entries for your state (a holder): keyed tags and ciphertexts under the current epochs. Per entry: listed (also on a retry of the same id) or a duplicate of the state's listing of the same document.",
    body: ListEntriesRequest,
    response: ListEntriesResponse,
    errors: [403, 409],
    handler: async ({ body, req }) => listEntries(deps, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/entries`,
    auth: authn,
    tag,
    summary: "Your state's entries with their own copies (sealed under the state ring), by id; `next` pages on.",
    query: OwnEntriesQuery,
    response: OwnEntriesPage,
    errors: [403],
    handler: async ({ query, req }) => ownEntries(deps, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/entries/rekey`,
    auth: authn,
    tag,
    summary:
      "After a network rotation: your state's entries under the current network epoch (new tag and details), each at its current version; per entry the outcome.",
    body: RekeyEntriesRequest,
    response: RekeyEntriesResponse,
    errors: [403, 409],
    handler: async ({ body, req }) => rekeyEntries(deps, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: `${BASE}/entries/:id`,
    auth: authn,
    tag,
    summary:
      'Correct an entry of your state (new details and own copy, same tag): refused unless at the given version.',
    params: EntryParams,
    body: UpdateEntryRequest,
    response: OwnEntryView,
    errors: [403, 404, 409, 410],
    handler: async ({ params, body, req }) => updateEntry(deps, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/entries/:id/withdraw`,
    auth: authn,
    tag,
    summary:
      'Withdraw an entry of your state (recovered, listed in error, expired): no longer served; a repeat changes nothing.',
    params: EntryParams,
    body: WithdrawEntryRequest,
    response: OwnEntryView,
    errors: [403, 404],
    handler: async ({ params, body, req }) => withdrawEntry(deps, await authn.actor(req), params.id, body),
  });

  // Binary answer: mounted by hand, documented below.
  router.get(`${BASE}/sync`, async (req, res) => {
    const actor = await authn.actor(req);
    const parsed = SyncQuery.safeParse(req.query);
    if (!parsed.success) throw new AppError('validation.failed', 'invalid query', toFieldIssues('query', parsed.error));
    const bytes = await syncStream(deps, actor, parsed.data);
    res.status(200).type(SYNC_MEDIA_TYPE).send(bytes);
  });
  registry.registerPath({
    method: 'get',
    path: `${BASE}/sync`,
    tags: [tag],
    security: [{ bearer: [] }],
    summary: `What a holder screens against (${SYNC_MEDIA_TYPE}: shared/travel-documents/sync-format.ts): an increment from the cursor \`since\`, or a full stream when since is 0, the log before it was compacted, or a state not in \`known\` may now be received.`,
    request: { query: SyncQuery },
    responses: {
      200: { description: 'the sync stream', content: { [SYNC_MEDIA_TYPE]: { schema: z.string() } } },
      ...errorResponses(documentedErrors({ query: SyncQuery, auth: authn, errors: [403] })),
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/bucket/:prefix`,
    auth: authn,
    tag,
    summary:
      'Every listed entry you may screen against whose tag begins with the prefix (2 to 6 hex characters): asked after a local match, so the server learns only the bucket.',
    params: BucketParams,
    response: BucketResponse,
    errors: [403],
    handler: async ({ params, req }) => bucket(deps, await authn.actor(req), params.prefix),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/screenings`,
    auth: authn,
    tag,
    summary:
      "Report how many documents your client screened and how many hits it had (counts only; a retry of the same id counts once); answers your state's counts of the month.",
    body: ScreeningReport,
    response: MonthlyScreenings,
    errors: [403],
    handler: async ({ body, req }) => reportScreening(deps, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/cleared`,
    auth: authn,
    tag,
    summary: "Your state's cleared-hit markers (keyed with the state ring: opaque to the server).",
    response: ClearedMarkers,
    errors: [403],
    handler: async ({ req }) => clearedMarkers(deps, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: `${BASE}/cleared`,
    auth: authn,
    tag,
    summary: 'Remember a cleared hit for your state (a repeat changes nothing).',
    body: ClearedMarker,
    response: ClearedMarkers,
    status: 201,
    errors: [403],
    handler: async ({ body, req }) => addClearedMarker(deps, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: `${BASE}/statistics`,
    auth: authn,
    tag,
    summary:
      'The secretariat and national admins: per state, entries listed and withdrawn in the year, current listings, screenings and hits per month (counts only).',
    query: StatisticsQuery,
    response: TravelDocumentStatistics,
    errors: [403],
    handler: async ({ query, req }) => travelDocumentStatistics(deps, await authn.actor(req), query.year),
  });
}
