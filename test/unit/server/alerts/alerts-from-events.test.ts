import { expect } from 'chai';
import {
  approvalWaitingAlert,
  consensusAlert,
  livenessPromptAlert,
  messageArrivedAlert,
  requestUpdatedAlert,
} from '../../../../server/modules/alerts/alerts-from-events.js';
import type { ProposalView } from '../../../../shared/schemas/consensus.js';
import type { DeliveredMessage } from '../../../../shared/schemas/messaging.js';
import type { RequestCaseView } from '../../../../shared/schemas/requests.js';

const AT = new Date('2026-12-07T10:00:00Z');
const ID = 'a'.repeat(24);
const USER = 'b'.repeat(24);

function delivered(kind: string): DeliveredMessage {
  return {
    id: ID,
    envelope: {
      header: {
        kind,
        from: { userId: 'c'.repeat(24), state: 'KZ' },
        to: [{ userId: USER, state: 'TJ' }],
        labels: { domain: 'border', category: 'migrant-smuggling', classification: 'restricted', handling: 'H2' },
      },
    },
  } as unknown as DeliveredMessage;
}

function proposal(status: ProposalView['status'], positions: ProposalView['positions']): ProposalView {
  return { id: ID, status, positions, deadline: '2026-12-20T00:00:00.000Z' } as ProposalView;
}

describe('alerts from module events', () => {
  it('tells of a free message with its sending state and domain only — never of receipts, requests or steps', () => {
    const alert = messageArrivedAlert(USER, delivered('message'), AT);
    expect(alert).to.deep.equal({
      id: `message.arrived:${ID}:${USER}`,
      kind: 'message.arrived',
      userId: USER,
      state: 'TJ',
      counterpartState: 'KZ',
      domain: 'border',
      refs: { messageId: ID },
      at: AT.toISOString(),
    });
    expect(JSON.stringify(alert)).not.to.include('migrant-smuggling');
    for (const kind of ['receipt', 'request:document-check', 'request:transition']) {
      expect(messageArrivedAlert(USER, delivered(kind), AT), kind).to.equal(undefined);
    }
  });

  it('tells the holding state of an exchange waiting for approval, not of its settlement', () => {
    expect(approvalWaitingAlert('TJ', { id: ID, status: 'pending' }, AT)).to.include({
      kind: 'approval.waiting',
      state: 'TJ',
      id: `approval.waiting:${ID}:TJ`,
    });
    for (const status of ['approved', 'rejected', 'expired'] as const) {
      expect(approvalWaitingAlert('TJ', { id: ID, status }, AT)).to.equal(undefined);
    }
  });

  it('tells of a network decision when it opens and when it ends, not of each position', () => {
    expect(consensusAlert(proposal('open', []), AT)).to.include({
      kind: 'consensus.opened',
      deadline: '2026-12-20T00:00:00.000Z',
    });
    const position = { state: 'KZ', position: 'support' } as unknown as ProposalView['positions'][number];
    expect(consensusAlert(proposal('open', [position]), AT)).to.equal(undefined);
    expect(consensusAlert(proposal('adopted', [position]), AT)).to.include({ kind: 'consensus.decided' });
  });

  it('tells every state of each revised draft of a document for comment, once per version', () => {
    const position = { state: 'RU', position: 'object', version: 1 } as ProposalView['positions'][number];
    const revised = { ...proposal('open', [position]), documentVersion: 2 };
    const alert = consensusAlert(revised, AT);
    expect(alert).to.include({ kind: 'consensus.opened', id: `consensus.opened:${ID}:v2` });
    expect(consensusAlert({ ...revised, documentVersion: 3 }, AT)?.id).to.equal(`consensus.opened:${ID}:v3`);
    expect(consensusAlert({ ...proposal('open', [position]), documentVersion: 1 }, AT)).to.equal(undefined);
    expect(consensusAlert({ ...revised, status: 'adopted' }, AT)?.id).to.equal(`consensus.decided:${ID}`);
  });

  it('keys a liveness prompt by its check and nonce: a second prompt of the same check is a new alert', () => {
    const first = livenessPromptAlert(USER, { checkId: ID, nonce: 'n1', deadline: AT.toISOString() }, AT);
    const again = livenessPromptAlert(USER, { checkId: ID, nonce: 'n2', deadline: AT.toISOString() }, AT);
    expect(first.kind).to.equal('liveness.prompt');
    expect(first.id).not.to.equal(again.id);
    const reminder = livenessPromptAlert(
      USER,
      { checkId: ID, nonce: 'n1', deadline: AT.toISOString(), reminder: true },
      AT,
    );
    expect(reminder.id).not.to.equal(first.id);
  });
});

describe('request alerts by side', () => {
  const REQUESTER = '1'.repeat(24);
  const REQUESTED = '2'.repeat(24);
  const DEPUTY = '3'.repeat(24);
  const view = (transitions: number) =>
    ({
      id: ID,
      reference: 'TJ→KZ-2026-0001',
      domain: 'border',
      urgency: 'urgent',
      deadline: '2026-12-07T18:00:00.000Z',
      requester: { userId: REQUESTER, state: 'TJ' },
      requested: { userId: REQUESTED, state: 'KZ' },
      transitions,
    }) as unknown as RequestCaseView;

  it('tells the requested side of an arrival, keyed by side so a deputy shares the event', () => {
    const toRequested = requestUpdatedAlert(REQUESTED, view(0), REQUESTER, AT);
    const toDeputy = requestUpdatedAlert(DEPUTY, view(0), REQUESTER, AT);
    expect(toRequested).to.include({ kind: 'request.arrived', state: 'KZ', counterpartState: 'TJ' });
    expect(toDeputy?.id).to.equal(toRequested?.id);
    expect(requestUpdatedAlert(REQUESTER, view(0), REQUESTER, AT)).to.equal(undefined);
  });

  it('does not tell the requested side of a step their deputy took for them, but tells the requester', () => {
    expect(requestUpdatedAlert(REQUESTED, view(1), DEPUTY, AT)).to.equal(undefined);
    expect(requestUpdatedAlert(REQUESTER, view(1), DEPUTY, AT)).to.include({
      kind: 'request.step',
      state: 'TJ',
      counterpartState: 'KZ',
    });
  });

  it('raises nothing for a change the server made itself (the overdue flag is an alert of its own)', () => {
    expect(requestUpdatedAlert(REQUESTED, view(1), null, AT)).to.equal(undefined);
  });
});
