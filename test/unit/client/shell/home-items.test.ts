import { expect } from 'chai';
import { ApiError } from '../../../../client/sdk/api-error.js';
import {
  adminItems,
  awaitingAnswer,
  awaitingPosition,
  focalPointItems,
  sourceOfError,
  UNAVAILABLE,
  type AdminInputs,
  type CaseFacts,
  type ProposalFacts,
} from '../../../../client/src/features/shell/home/home-items.js';

const H = 3_600_000;
const now = Date.parse('2026-03-01T12:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
/** A received case submitted an hour ago; `deadlineIn` from now. */
const received = (status: CaseFacts['status'], deadlineIn = 7 * 24 * H, overdue = false): CaseFacts => ({
  status,
  submittedAt: iso(now - H),
  deadline: iso(now + deadlineIn),
  overdue,
});

describe('home: what needs you', () => {
  describe('focal point', () => {
    it("counts requests still owed an answer, and the late ones among them (by the clock or the server flag); one awaiting the requester's clarification is not owed", () => {
      const inbox = [
        received('submitted'),
        received('acknowledged', -H),
        received('clarified', H, true),
        received('clarification-requested'),
        received('answered', -H),
        received('partially-answered'),
        received('declined'),
        received('closed'),
        received('withdrawn'),
      ];
      expect(awaitingAnswer(inbox, now)).to.deep.equal({ count: 3, overdue: 2 });
      expect(awaitingAnswer([], now)).to.deep.equal({ count: 0, overdue: 0 });
    });

    it('lists unread messages, requests and a stale entry, in that order, each with its page', () => {
      const list = focalPointItems({
        unread: 2,
        inbox: [received('submitted'), received('submitted', -H)],
        toClarify: [received('clarification-requested')],
        entry: { stale: true, status: 'stale', lastConfirmedAt: '2025-01-01T00:00:00.000Z' },
        now,
      });
      expect(list).to.deep.equal({
        loading: false,
        items: [
          { id: 'unread', to: '/messages', count: 2 },
          { id: 'requests', to: '/requests', count: 2, overdue: 1 },
          { id: 'clarifications', to: '/requests/sent', count: 1 },
          { id: 'stale-entry', to: '/directory/mine', count: 1, since: '2025-01-01T00:00:00.000Z' },
        ],
      });
    });

    it('leaves out what is zero or current: nothing waits', () => {
      const list = focalPointItems({
        unread: 0,
        inbox: [received('answered')],
        toClarify: [],
        entry: { stale: false, status: 'current', lastConfirmedAt: iso(now) },
        now,
      });
      expect(list).to.deep.equal({ items: [], loading: false });
    });

    it("puts a newcomer's incomplete entry first, as their first step, and not also as stale", () => {
      const list = focalPointItems({
        unread: 1,
        inbox: [],
        toClarify: [],
        entry: { stale: true, status: 'incomplete', lastConfirmedAt: '2025-01-01T00:00:00.000Z' },
        now,
      });
      expect(list).to.deep.equal({
        loading: false,
        items: [
          { id: 'incomplete-entry', to: '/directory/mine', count: 1 },
          { id: 'unread', to: '/messages', count: 1 },
        ],
      });
      // A failed load of the entry is said once.
      expect(focalPointItems({ unread: 0, inbox: [], toClarify: [], entry: UNAVAILABLE, now }).items).to.deep.equal([
        { id: 'stale-entry', to: '/directory/mine', count: 0, unavailable: true },
      ]);
    });

    it('is still loading while any input has not answered, showing what has', () => {
      expect(focalPointItems({ unread: undefined, inbox: [], toClarify: [], entry: null, now })).to.deep.equal({
        items: [],
        loading: true,
      });
      expect(focalPointItems({ unread: 1, inbox: undefined, toClarify: [], entry: undefined, now })).to.deep.equal({
        items: [{ id: 'unread', to: '/messages', count: 1 }],
        loading: true,
      });
    });

    it('says quietly what could not be loaded, and leaves out what does not apply', () => {
      const list = focalPointItems({ unread: 0, inbox: UNAVAILABLE, toClarify: null, entry: null, now });
      expect(list).to.deep.equal({
        loading: false,
        items: [{ id: 'requests', to: '/requests', count: 0, unavailable: true }],
      });
    });
  });

  describe('admins', () => {
    const pendingFp = { id: 'p1', role: 'focal-point', state: 'KG' } as const;
    const pendingAdmin = { id: 'p2', role: 'national-admin', state: 'KG' } as const;
    /** Only what the list reads: positions given by these states. */
    const proposal = (
      status: 'open' | 'adopted',
      electorate: string[],
      positions: string[],
      procedure: 'silence' | 'unanimity' = 'silence',
    ): ProposalFacts =>
      ({ status, electorate, positions: positions.map((state) => ({ state })), procedure }) as unknown as ProposalFacts;
    const national = (over: Partial<AdminInputs> = {}): AdminInputs => ({
      role: 'national-admin',
      state: 'KG',
      pending: [],
      mayVerify: (person) => person.role === 'focal-point',
      approvals: [],
      proposals: [],
      ...over,
    });

    it('a national admin: newcomers they may verify, exchanges their state still has to approve, decisions awaiting its position', () => {
      const list = adminItems(
        national({
          pending: [pendingFp, pendingAdmin],
          approvals: [
            { status: 'pending', pendingStates: ['KG'] },
            { status: 'pending', pendingStates: ['KZ'] },
            { status: 'approved', pendingStates: [] },
          ],
          proposals: [
            proposal('open', ['KG', 'KZ'], []),
            proposal('open', ['KG'], ['KG']),
            proposal('open', ['KZ'], []),
            proposal('adopted', ['KG'], []),
          ],
        }),
      );
      expect(list).to.deep.equal({
        loading: false,
        items: [
          { id: 'pending-people', to: '/admin/pending', count: 1 },
          { id: 'held-exchanges', to: '/approvals', count: 1 },
          { id: 'awaiting-position', to: '/decisions', count: 1, silence: true },
        ],
      });
    });

    it('says whether silence counts as consent only when an awaited decision follows that procedure', () => {
      const list = adminItems(national({ proposals: [proposal('open', ['KG'], [], 'unanimity')] }));
      expect(list.items).to.deep.equal([{ id: 'awaiting-position', to: '/decisions', count: 1, silence: false }]);
      expect(awaitingPosition([proposal('open', ['KG'], ['KG'])], 'KG')).to.deep.equal([]);
    });

    it('the secretariat: newcomers and proposals still open; no approvals line', () => {
      const list = adminItems({
        role: 'network-admin',
        state: null,
        pending: [pendingAdmin],
        mayVerify: () => true,
        approvals: null,
        proposals: [proposal('open', ['KG'], ['KG']), proposal('adopted', ['KG'], [])],
      });
      expect(list.items).to.deep.equal([
        { id: 'pending-people', to: '/admin/pending', count: 1 },
        { id: 'open-proposals', to: '/decisions', count: 1 },
      ]);
    });

    it('nothing waits when every count is zero; unavailable inputs are said, not hidden', () => {
      expect(adminItems(national())).to.deep.equal({ items: [], loading: false });
      expect(adminItems(national({ approvals: UNAVAILABLE })).items).to.deep.equal([
        { id: 'held-exchanges', to: '/approvals', count: 0, unavailable: true },
      ]);
    });
  });

  it('a refused call or a missing entry means the line does not apply; any other failure is unavailable', () => {
    expect(sourceOfError(new ApiError(403, 'auth.forbidden', 'no'))).to.equal(null);
    expect(sourceOfError(new ApiError(404, 'directory.not-found', 'no entry'))).to.equal(null);
    expect(sourceOfError(new ApiError(0, 'client.network', 'offline'))).to.equal(UNAVAILABLE);
    expect(sourceOfError(new Error('boom'))).to.equal(UNAVAILABLE);
  });
});
