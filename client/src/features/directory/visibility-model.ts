import { RESTRICTABLE_FIELDS, type RestrictableField } from '../../../../shared/schemas/directory';
import type { DirectoryFieldRule, LegalBasis, PolicyBody } from '../../../../shared/schemas/policy';

/** How one field is shared: with every state (no rule), or only with chosen states; the secretariat separately. */
export interface FieldSharing {
  mode: 'all' | 'selected';
  states: string[];
  secretariat: boolean;
  /** The legal basis of the restriction, in English (the Russian text, if any, is kept as it was). */
  legalBasisEn: string;
  legalBasisRu?: string;
}

export type SharingTable = ReadonlyMap<RestrictableField, FieldSharing>;

export const SHARED_WITH_ALL: FieldSharing = { mode: 'all', states: [], secretariat: true, legalBasisEn: '' };

export function sharingOf(rules: readonly DirectoryFieldRule[]): SharingTable {
  return new Map(
    rules.map((rule) => [
      rule.field,
      {
        mode: 'selected',
        states: [...rule.visibleTo],
        secretariat: rule.secretariat,
        legalBasisEn: rule.legalBasis?.en ?? '',
        ...(rule.legalBasis?.ru !== undefined ? { legalBasisRu: rule.legalBasis.ru } : {}),
      },
    ]),
  );
}

function legalBasisOf(sharing: FieldSharing): LegalBasis | undefined {
  const en = sharing.legalBasisEn.trim();
  if (en === '') return undefined;
  return sharing.legalBasisRu === undefined ? { en } : { en, ru: sharing.legalBasisRu };
}

/** Only restricted fields become rules: a field without a rule is visible to all. */
export function rulesOf(table: SharingTable): DirectoryFieldRule[] {
  return RESTRICTABLE_FIELDS.flatMap((field) => {
    const sharing = table.get(field);
    if (!sharing || sharing.mode === 'all') return [];
    const legalBasis = legalBasisOf(sharing);
    return [
      {
        field,
        visibleTo: [...sharing.states].sort(),
        secretariat: sharing.secretariat,
        ...(legalBasis ? { legalBasis } : {}),
      },
    ];
  });
}

/**
 * The next version of the state's policy with the field table in place of its `directoryFields`;
 * its rules and default are those of `current` (version 0: the state has no policy yet).
 */
export function policyWithFields(current: PolicyBody, table: SharingTable): PolicyBody {
  return { ...current, version: current.version + 1, directoryFields: rulesOf(table) };
}
