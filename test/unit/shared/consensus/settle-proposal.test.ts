import { expect } from 'chai';
import { settleProposal, type ProposalState } from '../../../../shared/consensus/settle-proposal.js';

const deadline = new Date('2026-12-01T12:00:00Z');
const before = new Date('2026-12-01T11:59:59Z');
const after = new Date('2026-12-01T12:00:00Z');
const proposal = (procedure: ProposalState['procedure'], positions: ProposalState['positions']): ProposalState => ({
  procedure,
  deadline,
  electorate: ['KZ', 'RU', 'CN'],
  positions,
});

describe('settleProposal(): the consensus rule', () => {
  it('silence: open until the deadline, then adopted unless someone objected', () => {
    expect(settleProposal(proposal('silence', []), before)).to.equal(undefined);
    expect(settleProposal(proposal('silence', [{ state: 'KZ', position: 'approve' }]), after)).to.deep.equal({
      status: 'adopted',
      outcome: 'silence-kept',
    });
  });

  it('one objection ends either procedure at once, unadopted', () => {
    for (const procedure of ['silence', 'unanimity'] as const) {
      expect(
        settleProposal(
          proposal(procedure, [
            { state: 'KZ', position: 'approve' },
            { state: 'RU', position: 'object' },
          ]),
          before,
        ),
      ).to.deep.equal({ status: 'rejected', outcome: 'objection' });
    }
  });

  it('every member state approving adopts at once, under either procedure', () => {
    const all = [
      { state: 'KZ', position: 'approve' },
      { state: 'RU', position: 'approve' },
      { state: 'CN', position: 'approve' },
    ] as const;
    for (const procedure of ['silence', 'unanimity'] as const)
      expect(settleProposal(proposal(procedure, all), before)).to.deep.equal({
        status: 'adopted',
        outcome: 'unanimous',
      });
  });

  it('unanimity: approvals missing at the deadline → lapsed; before it, still open', () => {
    const some = [
      { state: 'KZ', position: 'approve' },
      { state: 'RU', position: 'approve' },
    ] as const;
    expect(settleProposal(proposal('unanimity', some), before)).to.equal(undefined);
    expect(settleProposal(proposal('unanimity', some), after)).to.deep.equal({ status: 'rejected', outcome: 'lapsed' });
  });

  it('positions of states outside the electorate do not count', () => {
    expect(settleProposal(proposal('silence', [{ state: 'JP', position: 'object' }]), before)).to.equal(undefined);
    const withOutsider = [
      { state: 'KZ', position: 'approve' },
      { state: 'RU', position: 'approve' },
      { state: 'JP', position: 'approve' },
    ] as const;
    expect(settleProposal(proposal('unanimity', withOutsider), before)).to.equal(undefined);
  });
});
