import type { RequestParty } from '../../../shared/schemas/requests.js';
import type { DirectoryIndex } from '../directory/directory-index.js';

/** Who a party of a case is, from their directory entry: what a caller needs to call back. */
export type PartyPerson = Pick<RequestParty, 'name' | 'authority' | 'kind'>;
export type PeopleLookup = (userId: string) => PartyPerson | undefined;

/** No one is named: a party who left the directory, or a caller without an index. */
export const NO_PEOPLE: PeopleLookup = () => undefined;

/**
 * The parties' names, authorities and whether they are a duty desk. A state may withhold none of
 * these from other states (see RESTRICTABLE_FIELDS), so every reader of a case may see them; the
 * fields a state can withhold are left out. Someone no longer in the directory is not named.
 */
export async function peopleLookup(index: DirectoryIndex | undefined): Promise<PeopleLookup> {
  if (!index) return NO_PEOPLE;
  const directory = await index.snapshot();
  return (userId) => {
    const record = directory.byUserId.get(userId);
    if (!record) return undefined;
    const { entry, user } = record;
    return {
      name: entry?.name ?? { en: user.displayName },
      ...(entry?.authority ? { authority: entry.authority } : {}),
      kind: entry?.kind ?? 'person',
    };
  };
}
