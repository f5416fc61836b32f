import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { toBase64Url } from '../../../../shared/crypto/encoding.js';
import { EnvelopeHeader, MAX_RECEIPT_MSG_IDS } from '../../../../shared/crypto/envelope-format.js';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import { receiptBodyChars, receiptContent } from '../../../../shared/crypto/receipt-format.js';
import { makeUser, openOptions, seal, TS, type TestUser } from './fixtures.js';

const msgId = (): string => toBase64Url(randomBytes(16));

describe('shared/crypto/receipt-format (receipts that name what they report)', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  before(async () => {
    [alice, bob, carol] = await Promise.all([makeUser('alice', 'KZ'), makeUser('bob', 'CN'), makeUser('carol', 'RU')]);
  });

  const sealReceipt = (receiptOf: string[], extra: { threadId?: string } = {}) =>
    seal(bob, [alice], receiptContent({ receiptOf, ts: TS }), { kind: 'receipt', receiptOf, ...extra });

  it('the body of a receipt sealed with its header-determined content has exactly receiptBodyChars', async () => {
    for (const count of [1, 7, 40, MAX_RECEIPT_MSG_IDS]) {
      const ids = Array.from({ length: count }, msgId);
      for (const extra of [{}, { threadId: 'case-2026-0042' }]) {
        const envelope = await sealReceipt(ids, extra);
        expect(envelope.body.length, `${count} msgIds`).to.equal(receiptBodyChars(envelope.header));
        expect((await openEnvelope(envelope, openOptions(alice, bob))).content).to.deep.equal({ read: ids, at: TS });
      }
    }
  });

  it('any extra content changes the body length', async () => {
    const ids = [msgId()];
    const envelope = await seal(
      bob,
      [alice],
      { ...receiptContent({ receiptOf: ids, ts: TS }), text: 'x'.repeat(200) },
      { kind: 'receipt', receiptOf: ids },
    );
    expect(envelope.body.length).to.be.greaterThan(receiptBodyChars(envelope.header));
  });

  it('the header allows receiptOf only on a receipt to one recipient, without request fields, approvers or repeats', async () => {
    const header = (await sealReceipt([msgId()])).header;
    const issues = (candidate: unknown): string[] => {
      const parsed = EnvelopeHeader.safeParse(candidate);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(issues(header)).to.deep.equal([]);
    expect(issues({ ...header, kind: 'message' })).to.include('receiptOf: only a receipt names messages read');
    expect(issues({ ...header, to: [...header.to, { userId: carol.userId, state: carol.state }] })).to.include(
      'to: a receipt goes to the one sender of the messages it reports',
    );
    expect(issues({ ...header, requestRef: 'case-1' })).to.include('requestRef: a receipt names no request case');
    expect(issues({ ...header, approvers: [{ userId: carol.userId, state: carol.state }] })).to.include(
      'approvers: a receipt is never held for approval',
    );
    const [one] = header.receiptOf ?? [];
    expect(issues({ ...header, receiptOf: [one, one] })).to.include('receiptOf: duplicate msgId');
    expect(issues({ ...header, receiptOf: Array.from({ length: MAX_RECEIPT_MSG_IDS + 1 }, msgId) })).not.to.deep.equal(
      [],
    );
    // A receipt that names nothing keeps the older form.
    const { receiptOf: _named, ...unnamed } = header;
    expect(issues(unnamed)).to.deep.equal([]);
  });
});
