import { memberStates } from '../../services/member-states';

/** Member states other than `own` (every member state when `own` is null), by code. */
export function otherStates(own: string | null): string[] {
  return memberStates
    .get()
    .map((state) => state.code)
    .filter((code) => code !== own)
    .sort();
}
