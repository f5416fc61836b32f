import { MEMBER_STATES } from '../../../../shared/reference/member-states';

/** Member states other than `own` (every member state when `own` is null), by code. */
export function otherStates(own: string | null): string[] {
  return MEMBER_STATES.map((state) => state.code).filter((code) => code !== own).sort();
}
