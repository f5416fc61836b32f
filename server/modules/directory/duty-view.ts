import type { EntryView } from '../../../shared/schemas/directory.js';
import type { DirectorySnapshot, IndexedRecord } from './directory-index.js';
import { coveringAt, isAwayAt } from './duty-roster.js';
import type { Reader } from './entry-view.js';

type DutyFields = Pick<EntryView, 'away' | 'covering' | 'members'>;

const nameOf = (directory: DirectorySnapshot, userId: string): { userId: string; name: string } | undefined => {
  const record = directory.byUserId.get(userId);
  return record ? { userId, name: record.entry?.name?.en ?? record.user.displayName } : undefined;
};

/**
 * Who is away and who stands in, as this reader may see it: an absence is shown to everyone (so
 * a sender knows), its deputy and who a deputy covers for only where the state shows deputies,
 * the note to the person's own state and the secretariat.
 */
export function dutyFields(
  record: IndexedRecord,
  directory: DirectorySnapshot,
  reader: Reader,
  deputyWithheld: boolean,
  now: Date,
): DutyFields {
  const away = record.entry?.away;
  const fields: DutyFields = {};
  // An absence that ended is history: the entry no longer mentions it.
  if (away && (away.until === null || away.until.getTime() > now.getTime())) {
    const deputy = deputyWithheld ? undefined : nameOf(directory, away.deputyUserId);
    const ownState = reader.state === null || reader.state === record.user.state;
    fields.away = {
      from: away.from.toISOString(),
      until: away.until?.toISOString() ?? null,
      active: isAwayAt(away, now),
      ...(deputy ? { deputy } : {}),
      ...(away.note && ownState ? { note: away.note } : {}),
    };
  }
  if (!deputyWithheld) {
    const covering = coveringAt(directory, record.user.id, now).flatMap(({ userId, until }) => {
      const person = nameOf(directory, userId);
      return person ? [{ ...person, until: until?.toISOString() ?? null }] : [];
    });
    if (covering.length > 0) fields.covering = covering;
  }
  if (record.entry?.kind === 'duty-desk') {
    fields.members = record.entry.members.flatMap((id) => {
      const person = nameOf(directory, id);
      return person ? [person] : [];
    });
  }
  return fields;
}
