import { z } from 'zod';
import {
  BucketResponse,
  ClearedMarkers,
  ListEntriesResponse,
  MonthlyScreenings,
  OwnEntriesPage,
  OwnEntryView,
  RekeyEntriesResponse,
  RingView,
  StateListings,
  TravelDocumentStatistics,
  TravelDocumentsStatus,
  type AddRingGrantsRequest,
  type ClearedMarker,
  type ListEntriesRequest,
  type OwnEntriesQuery,
  type RekeyEntriesRequest,
  type RotateRingRequest,
  type ScreeningReport,
  type UpdateEntryRequest,
  type WithdrawEntryRequest,
} from '../../../shared/schemas/travel-documents.js';
import { SYNC_MEDIA_TYPE } from '../../../shared/travel-documents/sync-format.js';
import { ApiError, apiErrorFromBody } from '../api-error.js';
import type { FetchLike } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/** Lost and stolen travel documents' REST calls: tags and ciphertexts only. Keying and sealing are in `client/sdk/travel-documents/`. */
export interface TravelDocumentsApi {
  status(): Promise<TravelDocumentsStatus>;
  states(): Promise<StateListings[]>;
  setParticipation(participating: boolean): Promise<TravelDocumentsStatus>;
  /** `ring`: "network" or "state:XX". */
  rotate(ring: string, input: RotateRingRequest): Promise<RingView>;
  grant(ring: string, input: AddRingGrantsRequest): Promise<{ granted: number }>;
  list(input: ListEntriesRequest): Promise<ListEntriesResponse>;
  mine(query?: Partial<OwnEntriesQuery>): Promise<OwnEntriesPage>;
  update(id: string, input: UpdateEntryRequest): Promise<OwnEntryView>;
  withdraw(id: string, input: WithdrawEntryRequest): Promise<OwnEntryView>;
  rekey(input: RekeyEntriesRequest): Promise<RekeyEntriesResponse>;
  /** The binary sync stream (decode with `shared/travel-documents/sync-format.ts`). */
  sync(since: number, known: readonly string[]): Promise<Uint8Array>;
  /** `prefix`: 2 to 6 hex characters of a tag. */
  bucket(prefix: string): Promise<BucketResponse>;
  reportScreening(report: ScreeningReport): Promise<MonthlyScreenings>;
  cleared(): Promise<ClearedMarkers>;
  addCleared(marker: ClearedMarker): Promise<ClearedMarkers>;
  statistics(year: number): Promise<TravelDocumentStatistics>;
}

export function travelDocumentsApi(baseUrl: string, fetchImpl: FetchLike, session: SessionManager): TravelDocumentsApi {
  const base = baseUrl.replace(/\/+$/, '');
  const path = (rest: string): string => `/api/travel-documents${rest}`;
  const ringPath = (ring: string, rest: string): string => path(`/rings/${encodeURIComponent(ring)}${rest}`);
  const entryPath = (id: string, rest = ''): string => path(`/entries/${encodeURIComponent(id)}${rest}`);

  /** The binary answer bypasses the JSON transport; a 401 is answered by one refresh and one retry. */
  const binaryGet = async (target: string): Promise<Uint8Array> => {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(`${base}${target}`, {
          method: 'GET',
          headers: {
            authorization: `Bearer ${await session.accessToken()}`,
            accept: `${SYNC_MEDIA_TYPE}, application/json`,
          },
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiError(0, 'client.network', `the server cannot be reached: ${reason}`);
      }
      if (response.status === 401 && attempt === 0) {
        await session.refresh();
        continue;
      }
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      const json: unknown = await response.json().catch(() => undefined);
      throw apiErrorFromBody(response.status, json);
    }
  };

  return {
    status: () => session.authed({ method: 'GET', path: path('/status'), schema: TravelDocumentsStatus }),
    states: () => session.authed({ method: 'GET', path: path('/states'), schema: z.array(StateListings) }),
    setParticipation: (participating) =>
      session.authed({
        method: 'PUT',
        path: path('/participation'),
        body: { participating },
        schema: TravelDocumentsStatus,
      }),
    rotate: (ring, input) =>
      session.authed({ method: 'POST', path: ringPath(ring, '/rotate'), body: input, schema: RingView }),
    grant: (ring, input) =>
      session.authed({
        method: 'POST',
        path: ringPath(ring, '/grants'),
        body: input,
        schema: z.object({ granted: z.number().int() }),
      }),
    list: (input) =>
      session.authed({ method: 'POST', path: path('/entries'), body: input, schema: ListEntriesResponse }),
    mine: (query = {}) =>
      session.authed({
        method: 'GET',
        path: path('/entries'),
        query: {
          status: query.status,
          epochBelow: query.epochBelow,
          after: query.after,
          limit: query.limit,
        },
        schema: OwnEntriesPage,
      }),
    update: (id, input) => session.authed({ method: 'PUT', path: entryPath(id), body: input, schema: OwnEntryView }),
    withdraw: (id, input) =>
      session.authed({ method: 'POST', path: entryPath(id, '/withdraw'), body: input, schema: OwnEntryView }),
    rekey: (input) =>
      session.authed({ method: 'POST', path: path('/entries/rekey'), body: input, schema: RekeyEntriesResponse }),
    sync: (since, known) =>
      binaryGet(path(`/sync?since=${encodeURIComponent(String(since))}&known=${encodeURIComponent(known.join(','))}`)),
    bucket: (prefix) =>
      session.authed({ method: 'GET', path: path(`/bucket/${encodeURIComponent(prefix)}`), schema: BucketResponse }),
    reportScreening: (report) =>
      session.authed({ method: 'POST', path: path('/screenings'), body: report, schema: MonthlyScreenings }),
    cleared: () => session.authed({ method: 'GET', path: path('/cleared'), schema: ClearedMarkers }),
    addCleared: (marker) =>
      session.authed({ method: 'POST', path: path('/cleared'), body: marker, schema: ClearedMarkers }),
    statistics: (year) =>
      session.authed({ method: 'GET', path: path('/statistics'), query: { year }, schema: TravelDocumentStatistics }),
  };
}
