import { isApiError } from '../../../../sdk/api-error';
import { AWAITING_ANSWER } from '../../../../../shared/requests/lifecycle';
import type { ApprovalView } from '../../../../../shared/schemas/approvals';
import { awaitsState } from '../../approvals/awaits-state';
import type { ProposalView } from '../../../../../shared/schemas/consensus';
import type { EntryView } from '../../../../../shared/schemas/directory';
import type { RequestCaseView } from '../../../../../shared/schemas/requests';
import type { UserView } from '../../../../../shared/schemas/accounts';
import { deadlineState } from '../../requests/deadline';

/**
 * One input of the "What needs you" list: undefined while it loads, null when it does not apply
 * to this person, UNAVAILABLE when loading it failed.
 */
export const UNAVAILABLE = 'unavailable';
export type Source<T> = T | null | undefined | typeof UNAVAILABLE;

export type HomeItemId =
  | 'unread'
  | 'requests'
  | 'clarifications'
  | 'incomplete-entry'
  | 'stale-entry'
  | 'pending-people'
  | 'held-exchanges'
  | 'awaiting-position'
  | 'open-proposals';

/** One line of the list: what waits, how many, and where to deal with it. */
export interface HomeItem {
  id: HomeItemId;
  to: string;
  count: number;
  /** Requests: how many of `count` are past their deadline. */
  overdue?: number;
  /** Stale entry: when it was last confirmed. */
  since?: string;
  /** Decisions: some follow the silence procedure, where saying nothing counts as consent. */
  silence?: boolean;
  /** Loading failed: said quietly instead of a count. */
  unavailable?: true;
}

export interface HomeList {
  items: HomeItem[];
  /** Some input is still loading: "nothing waits" would be premature. */
  loading: boolean;
}

/**
 * A failed load as a source: refused (the person may not, after all) or not found (a focal point
 * without a directory entry) means the line does not apply; anything else is unavailable. The
 * home page never shows these as errors: each page the line links to says what went wrong.
 */
export function sourceOfError(error: unknown): Source<never> {
  return isApiError(error, 'auth.forbidden') || isApiError(error, 'directory.not-found') ? null : UNAVAILABLE;
}

type Fields = Omit<HomeItem, 'id' | 'to'>;

/** Builds the list from each source in turn: a line when it has something, or when it failed. */
class ListBuilder {
  readonly items: HomeItem[] = [];
  loading = false;

  add<T>(id: HomeItemId, to: string, source: Source<T>, derive: (value: T) => Fields | undefined): this {
    if (source === undefined) this.loading = true;
    else if (source === UNAVAILABLE) this.items.push({ id, to, count: 0, unavailable: true });
    else if (source !== null) {
      const fields = derive(source);
      if (fields) this.items.push({ id, to, ...fields });
    }
    return this;
  }

  list(): HomeList {
    return { items: this.items, loading: this.loading };
  }
}

const counted = (count: number, more: Omit<Fields, 'count'> = {}): Fields | undefined =>
  count > 0 ? { count, ...more } : undefined;

export type CaseFacts = Pick<RequestCaseView, 'status' | 'submittedAt' | 'deadline' | 'overdue'>;

/**
 * Received requests the focal point still owes an answer on, and how many of them are late. One
 * waiting for the requester's clarification is not theirs to move until it is clarified.
 */
export function awaitingAnswer(inbox: readonly CaseFacts[], now: number): { count: number; overdue: number } {
  const open = inbox.filter((c) => AWAITING_ANSWER.includes(c.status) && c.status !== 'clarification-requested');
  return { count: open.length, overdue: open.filter((c) => deadlineState(c, now).tone === 'overdue').length };
}

export interface FocalPointInputs {
  /** Unread messages; undefined until the latest history page has been read. */
  unread: Source<number>;
  /** client.requests.list({ box: 'inbox' }) */
  inbox: Source<readonly CaseFacts[]>;
  /** client.requests.list({ box: 'outbox', status: 'clarification-requested' }): my requests on which I am asked to clarify. */
  toClarify: Source<readonly CaseFacts[]>;
  /** Their own directory entry. */
  entry: Source<Pick<EntryView, 'stale' | 'lastConfirmedAt' | 'status'>>;
  now: number;
}

/**
 * A focal point's morning: their entry to complete (a newcomer's first step), unread messages,
 * requests to answer or clarify, an entry to reconfirm.
 */
export function focalPointItems(inputs: FocalPointInputs): HomeList {
  // One entry, one line about it: a failed load is said once, by the stale-entry line.
  const entryToComplete = inputs.entry === UNAVAILABLE ? null : inputs.entry;
  return new ListBuilder()
    .add('incomplete-entry', '/directory/mine', entryToComplete, (entry) =>
      entry.status === 'incomplete' ? { count: 1 } : undefined,
    )
    .add('unread', '/messages', inputs.unread, (count) => counted(count))
    .add('requests', '/requests', inputs.inbox, (inbox) => {
      const { count, overdue } = awaitingAnswer(inbox, inputs.now);
      return counted(count, { overdue });
    })
    .add('clarifications', '/requests/sent', inputs.toClarify, (sent) =>
      counted(sent.filter((c) => c.status === 'clarification-requested').length),
    )
    .add('stale-entry', '/directory/mine', inputs.entry, (entry) =>
      entry.stale && entry.status !== 'incomplete' ? { count: 1, since: entry.lastConfirmedAt } : undefined,
    )
    .list();
}

export type ProposalFacts = Pick<ProposalView, 'status' | 'electorate' | 'positions' | 'procedure'>;

/** Open proposals that `state` decides and has said nothing on yet. */
export function awaitingPosition(proposals: readonly ProposalFacts[], state: string): ProposalFacts[] {
  return proposals.filter(
    (p) =>
      p.status === 'open' &&
      (p.electorate as readonly string[]).includes(state) &&
      !p.positions.some((position) => position.state === state),
  );
}

export interface AdminInputs {
  role: 'national-admin' | 'network-admin';
  state: string | null;
  /** client.users.list({ status: 'pending-verification' }) */
  pending: Source<readonly Pick<UserView, 'id' | 'role' | 'state'>[]>;
  /** Whether this admin may activate that person (can(…, 'user:activate', …)). */
  mayVerify: (person: Pick<UserView, 'id' | 'role' | 'state'>) => boolean;
  /** client.approvals.list('pending'): national admins. */
  approvals: Source<readonly Pick<ApprovalView, 'status' | 'pendingStates'>[]>;
  /** client.consensus.list() */
  proposals: Source<readonly ProposalFacts[]>;
}

/**
 * An admin's morning: newcomers they may verify; for a national admin, exchanges held until their
 * state approves and network decisions awaiting its position; for the secretariat, proposals
 * still open.
 */
export function adminItems(inputs: AdminInputs): HomeList {
  const { state } = inputs;
  const builder = new ListBuilder()
    .add('pending-people', '/admin/pending', inputs.pending, (people) =>
      counted(people.filter(inputs.mayVerify).length),
    )
    .add('held-exchanges', '/approvals', inputs.approvals, (approvals) =>
      counted(approvals.filter((a) => awaitsState(a, state)).length),
    );
  if (inputs.role === 'national-admin') {
    builder.add('awaiting-position', '/decisions', inputs.proposals, (proposals) => {
      const awaiting = state === null ? [] : awaitingPosition(proposals, state);
      return counted(awaiting.length, { silence: awaiting.some((p) => p.procedure === 'silence') });
    });
  } else {
    builder.add('open-proposals', '/decisions', inputs.proposals, (proposals) =>
      counted(proposals.filter((p) => p.status === 'open').length),
    );
  }
  return builder.list();
}
