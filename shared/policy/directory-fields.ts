import { RESTRICTABLE_FIELDS, type RestrictableField } from '../schemas/directory.js';
import type { DirectoryFieldRule, PolicyBody } from '../schemas/policy.js';

/** Who reads a directory entry: a member state's people, or the secretariat (`null`: network admins). */
export interface DirectoryReader {
  readonly state: string | null;
}

/**
 * The fields of `entryState`'s directory entries that `reader` may not see, under that state's
 * policy in force (`undefined`: the state has no policy, so nothing is withheld). The entry's own
 * state sees everything; a field without a rule is visible to all; a rule names the other
 * states (and whether the secretariat) that see the field. Sorted in RESTRICTABLE_FIELDS order.
 */
export function withheldDirectoryFields(
  policy: Pick<PolicyBody, 'state' | 'directoryFields'> | undefined,
  entryState: string,
  reader: DirectoryReader,
): RestrictableField[] {
  if (policy === undefined || reader.state === entryState) return [];
  // A policy filed under another state's key would withhold (or show) by the wrong law.
  if (policy.state !== entryState)
    throw new RangeError(`directory fields: policy of ${policy.state} given for ${entryState}`);
  const rules = new Map<string, DirectoryFieldRule>((policy.directoryFields ?? []).map((rule) => [rule.field, rule]));
  return RESTRICTABLE_FIELDS.filter((field) => {
    const rule = rules.get(field);
    if (rule === undefined) return false;
    return reader.state === null ? !rule.secretariat : !rule.visibleTo.includes(reader.state);
  });
}
