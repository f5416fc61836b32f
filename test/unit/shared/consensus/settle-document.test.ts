import { expect } from 'chai';
import { settleProposal, type ProposalState } from '../../../../shared/consensus/settle-proposal.js';

const deadline = new Date('2026-12-01T12:00:00Z');
const before = new Date('2026-12-01T11:59:59Z');
const after = new Date('2026-12-01T12:00:00Z');
const document = (documentVersion: number, positions: ProposalState['positions']): ProposalState => ({
  procedure: 'silence',
  deadline,
  electorate: ['KZ', 'RU', 'CN'],
  positions,
  documentVersion,
});

describe('settleProposal(): documents for comment', () => {
  it('silence kept at the deadline adopts the current version', () => {
    expect(settleProposal(document(1, []), before)).to.equal(undefined);
    expect(settleProposal(document(1, []), after)).to.deep.equal({ status: 'adopted', outcome: 'silence-kept' });
  });

  it('an objection to the current version breaks silence but leaves time to revise: it ends the proposal at the deadline', () => {
    const objected = document(1, [{ state: 'RU', position: 'object', version: 1 }]);
    expect(settleProposal(objected, before)).to.equal(undefined);
    expect(settleProposal(objected, after)).to.deep.equal({ status: 'rejected', outcome: 'objection' });
  });

  it('a revised version reopens silence: objections to earlier versions no longer count', () => {
    const revised = document(2, [{ state: 'RU', position: 'object', version: 1 }]);
    expect(settleProposal(revised, after)).to.deep.equal({ status: 'adopted', outcome: 'silence-kept' });
    const objectedAgain = document(2, [{ state: 'RU', position: 'object', version: 2 }]);
    expect(settleProposal(objectedAgain, after)).to.deep.equal({ status: 'rejected', outcome: 'objection' });
  });

  it('approvals of every state do not end it early, and states outside the electorate do not count', () => {
    const approvals = (['KZ', 'RU', 'CN'] as const).map((state) => ({
      state,
      position: 'approve' as const,
      version: 1,
    }));
    expect(settleProposal(document(1, approvals), before)).to.equal(undefined);
    const outsider = document(1, [{ state: 'US', position: 'object', version: 1 }]);
    expect(settleProposal(outsider, after)).to.deep.equal({ status: 'adopted', outcome: 'silence-kept' });
  });
});
