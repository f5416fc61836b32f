import { useEffect, useSyncExternalStore } from 'react';
import type { FocalNetClient } from '../../sdk/index';
import { MEMBER_STATES, type MemberStateInfo } from '../../../shared/reference/member-states';
import { useClient, useSession } from './client-context';

/**
 * The member states as this tab knows them: the reference list until the server's arrives, which
 * also holds the states admitted later by consensus. A store outside React, so plain functions
 * (e.g. the policy editor's state lists) read the same list as components.
 */
let current: readonly MemberStateInfo[] = MEMBER_STATES;
const listeners = new Set<() => void>();

export const memberStates = {
  get: (): readonly MemberStateInfo[] => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(states: readonly MemberStateInfo[]): void {
    const same = states.length === current.length && states.every((s, i) => s.code === current[i]?.code && s.name.en === current[i]?.name.en && s.name.ru === current[i]?.name.ru);
    if (same) return;
    current = states;
    for (const listener of listeners) listener();
  },
};

export function useMemberStates(): readonly MemberStateInfo[] {
  return useSyncExternalStore(memberStates.subscribe, memberStates.get);
}

/** Reads the server's list into the store (a failure keeps what the store has). */
export async function loadMemberStates(client: FocalNetClient): Promise<void> {
  const states = await client.states.list().catch(() => undefined);
  if (states) memberStates.set(states.map(({ code, name }) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)));
}

/** Loads the server's list once signed in. */
export function MemberStatesSync(): null {
  const client = useClient();
  const userId = useSession()?.user.id;
  useEffect(() => {
    if (userId) void loadMemberStates(client);
  }, [client, userId]);
  return null;
}
