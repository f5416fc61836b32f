import type { FocalNetClient } from '../../sdk/index';
import { MEMBER_STATES, type MemberStateInfo } from '../../../shared/reference/member-states';
import { referenceStore, useReferenceList } from './reference-store';

/** The member states as this tab knows them, with those admitted later by consensus once the server's list arrives. */
export const memberStates = referenceStore<MemberStateInfo>(MEMBER_STATES);

export const useMemberStates = (): readonly MemberStateInfo[] => useReferenceList(memberStates);

/** Reads the server's list into the store, by code. */
export const loadMemberStates = (client: FocalNetClient): Promise<void> =>
  memberStates.load(async () =>
    (await client.states.list()).map(({ code, name }) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
  );
