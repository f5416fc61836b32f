import { MEMBER_STATE_CODES, MEMBER_STATES } from '../../../../shared/reference/member-states';

/** Member states other than `own` (every member state when `own` is null), by code. */
export function otherStates(own: string | null): string[] {
  return MEMBER_STATES.map((state) => state.code).filter((code) => code !== own).sort();
}

/** Whether every code is a member state: only then can a list be shown as "all except". */
export function allMemberStates(codes: readonly string[]): boolean {
  return codes.every((code) => MEMBER_STATE_CODES.has(code));
}
