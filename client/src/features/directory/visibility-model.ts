import { RESTRICTABLE_FIELDS, type RestrictableField, type VisibilitySettings } from '../../../../shared/schemas/directory';

/** How one field is shared: with every state (no rule), or only with chosen states; the secretariat separately. */
export interface FieldSharing {
  mode: 'all' | 'selected';
  states: string[];
  secretariat: boolean;
}

export type SharingTable = ReadonlyMap<RestrictableField, FieldSharing>;

export const SHARED_WITH_ALL: FieldSharing = { mode: 'all', states: [], secretariat: true };

export function sharingOf(settings: VisibilitySettings): SharingTable {
  return new Map(settings.rules.map((rule) => [rule.field, { mode: 'selected', states: [...rule.visibleTo], secretariat: rule.secretariat }]));
}

/** Only restricted fields become rules: a field without a rule is visible to all. */
export function settingsOf(table: SharingTable): VisibilitySettings {
  return {
    rules: RESTRICTABLE_FIELDS.flatMap((field) => {
      const sharing = table.get(field);
      return !sharing || sharing.mode === 'all' ? [] : [{ field, visibleTo: [...sharing.states].sort(), secretariat: sharing.secretariat }];
    }),
  };
}
