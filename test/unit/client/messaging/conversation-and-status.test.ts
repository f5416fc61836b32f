import { expect } from 'chai';
import type { ReceivedMessage } from '../../../../client/sdk/index.js';
import {
  conversationKey,
  mergeMessages,
  unreadCount,
} from '../../../../client/src/features/messaging/conversation-key.js';
import { deliveryStatus } from '../../../../client/src/features/messaging/message-status.js';
import type { MessagingState } from '../../../../client/src/features/messaging/messaging-store.js';

const ME = 'a'.repeat(24);
const KG = 'b'.repeat(24);
const TJ = 'c'.repeat(24);

function message(overrides: Partial<ReceivedMessage>): ReceivedMessage {
  return {
    id: 'd'.repeat(24),
    msgId: 'm1',
    kind: 'message',
    from: { userId: ME, state: 'KZ' },
    to: [{ userId: KG, state: 'KG' }],
    labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
    ts: 1,
    storedAt: '2026-01-01T00:00:00.000Z',
    outgoing: true,
    text: 'x',
    attachments: [],
    content: {},
    conditions: {},
    ...overrides,
  };
}

const state = (overrides: Partial<MessagingState>): MessagingState => ({
  connected: true,
  incoming: [],
  sent: new Map(),
  delivered: new Map(),
  read: new Map(),
  receipted: new Set(),
  rejected: [],
  keyChanges: [],
  names: new Map(),
  people: new Map(),
  recent: [],
  released: new Set(),
  resyncs: 0,
  ...overrides,
});

describe('messaging screens: conversations and delivery status', () => {
  it('a conversation is the set of the other people, the same whichever side sent', () => {
    const mine = message({
      to: [
        { userId: TJ, state: 'TJ' },
        { userId: KG, state: 'KG' },
      ],
    });
    const theirs = message({
      outgoing: false,
      from: { userId: KG, state: 'KG' },
      to: [
        { userId: ME, state: 'KZ' },
        { userId: TJ, state: 'TJ' },
      ],
    });
    expect(conversationKey(mine, ME)).to.equal(`${KG},${TJ}`);
    expect(conversationKey(theirs, ME)).to.equal(`${KG},${TJ}`);
    expect(
      conversationKey(
        message({ outgoing: false, from: { userId: KG, state: 'KG' }, to: [{ userId: ME, state: 'KZ' }] }),
        ME,
      ),
    ).to.equal(KG);
  });

  it('history and live arrivals merge oldest first, each message once', () => {
    const older = message({ id: '1'.repeat(24), storedAt: '2026-01-01T00:00:00.000Z' });
    const newer = message({ id: '2'.repeat(24), storedAt: '2026-01-02T00:00:00.000Z' });
    expect(mergeMessages([newer, older], [newer]).map((m) => m.id)).to.deep.equal([older.id, newer.id]);
  });

  it('requests and their steps share the queue but stay out of the conversations', () => {
    const free = message({ id: '1'.repeat(24) });
    const request = message({ id: '2'.repeat(24), kind: 'request:document-check' });
    const step = message({ id: '3'.repeat(24), kind: 'request:transition' });
    expect(mergeMessages([free, request], [step]).map((m) => m.id)).to.deep.equal([free.id]);
  });

  it('unread: messages from others without my read receipt; my own never count', () => {
    const fromKg = (msgId: string) =>
      message({
        msgId,
        id: msgId.padEnd(24, '0'),
        outgoing: false,
        from: { userId: KG, state: 'KG' },
        to: [{ userId: ME, state: 'KZ' }],
      });
    const messages = [fromKg('a'), fromKg('b'), message({ msgId: 'c', id: 'c'.padEnd(24, '0') })];
    expect(unreadCount(messages, new Set(), ME)).to.equal(2);
    expect(unreadCount(messages, new Set(['a']), ME)).to.equal(1);
    expect(unreadCount(messages, new Set(['a', 'b']), ME)).to.equal(0);
  });

  it('status goes sent → held / delivered → read, and counts readers of a group message', () => {
    const sent = message({
      to: [
        { userId: KG, state: 'KG' },
        { userId: TJ, state: 'TJ' },
      ],
    });
    expect(deliveryStatus(sent, state({})).status).to.equal('sent');
    expect(
      deliveryStatus(
        sent,
        state({
          sent: new Map([
            [
              sent.msgId,
              { id: sent.id, status: 'held', approvalId: 'e'.repeat(24), msgId: sent.msgId, attachments: [], away: [] },
            ],
          ]),
        }),
      ).status,
    ).to.equal('held');
    expect(deliveryStatus(sent, state({ delivered: new Map([[sent.id, [KG]]]) })).status).to.equal('delivered');
    expect(
      deliveryStatus(sent, state({ delivered: new Map([[sent.id, [KG]]]), read: new Map([[sent.msgId, [KG]]]) })),
    ).to.deep.include({ status: 'read', readers: 1, delivered: 1, recipients: 2 });
    // A receipt from someone the message was not sent to is no read.
    expect(deliveryStatus(sent, state({ read: new Map([[sent.msgId, ['f'.repeat(24)]]]) })).status).to.equal('sent');
  });

  it('after a reload: delivered per recipient comes from the history, held until released', () => {
    const sent = message({
      to: [
        { userId: KG, state: 'KG' },
        { userId: TJ, state: 'TJ' },
      ],
      deliveredTo: [{ userId: TJ, at: '2026-01-01T00:01:00.000Z' }],
    });
    const progress = deliveryStatus(sent, state({ read: new Map([[sent.msgId, [KG]]]) }));
    expect(progress.perRecipient).to.deep.equal([
      { userId: KG, state: 'KG', status: 'read' },
      { userId: TJ, state: 'TJ', status: 'delivered' },
    ]);
    expect(progress).to.deep.include({ status: 'read', readers: 1, delivered: 2 });
    const held = message({ held: true });
    expect(deliveryStatus(held, state({})).status).to.equal('held');
    expect(deliveryStatus(held, state({ released: new Set([held.id]) })).status).to.equal('sent');
  });
});
