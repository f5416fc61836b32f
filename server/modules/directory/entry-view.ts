import { withheldDirectoryFields, type DirectoryReader } from '../../../shared/policy/index.js';
import type { EntryStatus, EntryView, RestrictableField } from '../../../shared/schemas/directory.js';
import type { DirectorySnapshot, IndexedRecord } from './directory-index.js';
import { toPreviousKeyStatus } from './key-history.js';
import { dutyFields } from './duty-view.js';

const DAY_MS = 86_400_000;

/** Who is reading: a state's people, or the secretariat (network admins, no state). */
export type Reader = DirectoryReader;

export function isStale(record: IndexedRecord, now: Date, freshnessDays: number): boolean {
  return now.getTime() - record.lastConfirmedAt.getTime() > freshnessDays * DAY_MS;
}

/**
 * An entry no one could use to reach its person: never filled in, or without the authority or
 * any contact channel. Judged on the whole entry, not on what this reader may see of it.
 */
export function isIncomplete(record: IndexedRecord): boolean {
  const { entry } = record;
  return !entry?.authority || entry.contacts.length === 0;
}

export function entryStatus(record: IndexedRecord, now: Date, freshnessDays: number): EntryStatus {
  if (isIncomplete(record)) return 'incomplete';
  return isStale(record, now, freshnessDays) ? 'stale' : 'current';
}

/** The entry as this reader may see it: withheld fields are left out, and named in `withheld`. */
export function toEntryView(record: IndexedRecord, directory: DirectorySnapshot, reader: Reader, now: Date): EntryView {
  const { user, entry } = record;
  const state = user.state ?? '';
  // The entry's state decides in its signed policy in force which fields other states see.
  const withheld = new Set<RestrictableField>(
    withheldDirectoryFields(directory.fieldPolicies.get(state), state, reader),
  );
  const deputy = entry?.deputyUserId ? directory.byUserId.get(entry.deputyUserId) : undefined;
  return {
    userId: user.id,
    state: state as EntryView['state'],
    domains: record.domains as EntryView['domains'],
    kind: entry?.kind ?? 'person',
    name: entry?.name ?? { en: user.displayName },
    ...(!withheld.has('title') && entry?.title ? { title: entry.title } : {}),
    authority: entry?.authority ?? null,
    role: entry?.role ?? null,
    languages: entry?.languages ?? [],
    timeZone: entry?.timeZone ?? null,
    ...(!withheld.has('workingHours') ? { workingHours: entry?.workingHours ?? null } : {}),
    available24x7: entry?.available24x7 ?? false,
    ...(!withheld.has('deputy')
      ? { deputy: deputy ? { userId: deputy.user.id, name: deputy.entry?.name?.en ?? deputy.user.displayName } : null }
      : {}),
    contacts: (entry?.contacts ?? []).filter(
      (c) => !withheld.has(`contacts.${c.type}` as RestrictableField),
    ) as EntryView['contacts'],
    ...dutyFields(record, directory, reader, withheld.has('deputy'), now),
    keys:
      user.keys && record.fingerprint
        ? {
            identityKey: user.keys.identityKey,
            encryptionKey: user.keys.encryptionKey,
            encryptionKeySig: user.keys.encryptionKeySig,
            keyVersion: user.keys.keyVersion,
            fingerprint: record.fingerprint,
            verified: user.keys.verifiedAt !== null,
            verifiedAt: user.keys.verifiedAt?.toISOString() ?? null,
            // Shown wherever the current key is: a recipient needs them to verify older messages.
            ...(record.previousKeys.length > 0 ? { history: record.previousKeys.map(toPreviousKeyStatus) } : {}),
          }
        : null,
    lastConfirmedAt: record.lastConfirmedAt.toISOString(),
    stale: isStale(record, now, directory.freshnessDays),
    status: entryStatus(record, now, directory.freshnessDays),
    withheld: [...withheld].sort(),
  };
}
