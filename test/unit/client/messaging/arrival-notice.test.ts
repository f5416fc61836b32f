import { expect } from 'chai';
import type { ReceivedMessage } from '../../../../client/sdk/index.js';
import { arrivalNotice } from '../../../../client/src/features/messaging/arrival-notice.js';

const message = (overrides: Partial<ReceivedMessage>): ReceivedMessage => ({
  id: 'c'.repeat(24),
  msgId: 'm1',
  kind: 'message',
  from: { userId: 'kz', state: 'KZ' },
  to: [{ userId: 'kg', state: 'KG' }],
  labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
  ts: 1,
  storedAt: '2026-01-01T00:00:00.000Z',
  outgoing: false,
  text: 'secret operational detail',
  attachments: [],
  content: {},
  conditions: {},
  ...overrides,
});
const thread = (): string => '/messages/with/kz';

describe('notifications of arrivals', () => {
  it("say the kind and the sender's state, and lead to the item, never carrying the content", () => {
    const notice = arrivalNotice(message({}), thread);
    expect(notice).to.deep.equal({ key: 'message', state: 'KZ', path: '/messages/with/kz' });
    expect(JSON.stringify(notice)).to.not.contain('secret');
    expect(arrivalNotice(message({ kind: 'request:document-check' }), thread)).to.deep.equal({
      key: 'request',
      state: 'KZ',
      path: `/requests/${'c'.repeat(24)}`,
    });
    expect(arrivalNotice(message({ kind: 'request:transition' }), thread)).to.deep.equal({
      key: 'request-step',
      state: 'KZ',
      path: '/requests',
    });
  });

  it('say nothing of my own sends', () => {
    expect(arrivalNotice(message({ outgoing: true }), thread)).to.equal(undefined);
  });
});
