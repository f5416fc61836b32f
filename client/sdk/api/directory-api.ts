import { z } from 'zod';
import { SignedDirectorySnapshot } from '../../../shared/crypto/directory-snapshot-format.js';
import {
  DirectoryPage,
  DirectorySettings,
  EntryView,
  type EntryUpdate,
  type SEARCH_SORTS,
  type FOCAL_ROLES,
} from '../../../shared/schemas/directory.js';
import type { AwayUpdate } from '../../../shared/schemas/duty-roster.js';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type { HttpTransport } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/** A directory search: every filter optional; `states` any of these states. */
export interface DirectoryFilter {
  q?: string;
  domain?: DomainCode;
  states?: readonly string[];
  /** ISO 639-1, e.g. "ru". */
  language?: string;
  role?: (typeof FOCAL_ROLES)[number];
  available24x7?: boolean;
  stale?: boolean;
  sort?: (typeof SEARCH_SORTS)[number];
  /** From 1. */
  page?: number;
  /** 1–100, default 25. */
  pageSize?: number;
}

export interface DirectoryApi {
  search(filter?: DirectoryFilter): Promise<DirectoryPage>;
  /** One entry as the reader may see it; `withheld` names what the entry's state keeps back. */
  entry(userId: string): Promise<EntryView>;
  /** Own entry, or as national admin one of the state's; editing also confirms it. */
  updateEntry(userId: string, update: EntryUpdate): Promise<EntryView>;
  confirmEntry(userId: string): Promise<EntryView>;
  /** Away with a deputy (own entry, or as national admin one of the state's): new requests and alerts also go to the deputy. */
  markAway(userId: string, away: AwayUpdate): Promise<EntryView>;
  /** Back early, or a planned absence called off. */
  clearAway(userId: string): Promise<EntryView>;
  /** National admins: the focal points who staff one of the state's duty desks. */
  setDeskMembers(userId: string, members: readonly string[]): Promise<EntryView>;
  /** National admins: their state's overdue entries; the secretariat: all. */
  stale(): Promise<EntryView[]>;
  exportJson(): Promise<EntryView[]>;
  /** RFC 4180 text with the same field visibility as `exportJson`. */
  exportCsv(): Promise<string>;
  snapshot(): Promise<SignedDirectorySnapshot>;
  /** The directory key (Ed25519, base64url) that signs snapshots; needs no session. */
  signingKey(): Promise<string>;
  /** The network-wide freshness period in days (changed by consensus: `consensus.propose`). */
  freshnessDays(): Promise<number>;
}

const bool = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : String(value));

function searchQuery(filter: DirectoryFilter): Record<string, string | number | undefined> {
  return {
    q: filter.q?.trim() || undefined,
    domain: filter.domain,
    state: filter.states && filter.states.length > 0 ? filter.states.join(',') : undefined,
    language: filter.language,
    role: filter.role,
    available24x7: bool(filter.available24x7),
    stale: bool(filter.stale),
    sort: filter.sort,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export function directoryApi(transport: HttpTransport, session: SessionManager): DirectoryApi {
  const entryPath = (userId: string, action = ''): string =>
    `/api/directory/entries/${encodeURIComponent(userId)}${action}`;
  return {
    search: (filter = {}) =>
      session.authed({ method: 'GET', path: '/api/directory', query: searchQuery(filter), schema: DirectoryPage }),
    entry: (userId) => session.authed({ method: 'GET', path: entryPath(userId), schema: EntryView }),
    updateEntry: (userId, update) =>
      session.authed({ method: 'PATCH', path: entryPath(userId), body: update, schema: EntryView }),
    confirmEntry: (userId) =>
      session.authed({ method: 'POST', path: entryPath(userId, '/confirm'), schema: EntryView }),
    markAway: (userId, away) =>
      session.authed({ method: 'PUT', path: entryPath(userId, '/away'), body: away, schema: EntryView }),
    clearAway: (userId) => session.authed({ method: 'DELETE', path: entryPath(userId, '/away'), schema: EntryView }),
    setDeskMembers: (userId, members) =>
      session.authed({ method: 'PUT', path: entryPath(userId, '/members'), body: { members }, schema: EntryView }),
    stale: () => session.authed({ method: 'GET', path: '/api/directory/stale', schema: z.array(EntryView) }),
    exportJson: () =>
      session.authed({
        method: 'GET',
        path: '/api/directory/export',
        query: { format: 'json' },
        schema: z.array(EntryView),
      }),
    exportCsv: () =>
      session.authed({
        method: 'GET',
        path: '/api/directory/export',
        query: { format: 'csv' },
        responseType: 'text',
        schema: z.string(),
      }),
    snapshot: () => session.authed({ method: 'GET', path: '/api/directory/snapshot', schema: SignedDirectorySnapshot }),
    signingKey: async () =>
      (
        await transport.send({
          method: 'GET',
          path: '/api/directory/signing-key',
          schema: z.object({ publicKey: z.string() }),
        })
      ).publicKey,
    freshnessDays: async () =>
      (await session.authed({ method: 'GET', path: '/api/directory/settings', schema: DirectorySettings }))
        .freshnessDays,
  };
}
