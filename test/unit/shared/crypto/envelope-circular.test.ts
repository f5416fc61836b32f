import { expect } from 'chai';
import { EnvelopeHeader, MAX_CIRCULAR_RECIPIENTS, MAX_RECIPIENTS } from '../../../../shared/crypto/envelope-format.js';

const header = (kind: string, recipients: number, extra: Record<string, unknown> = {}) => ({
  v: 1,
  msgId: 'AAAAAAAAAAAAAAAAAAAAAA',
  ts: 1,
  kind,
  from: { userId: 'sender', state: 'XS' },
  to: Array.from({ length: recipients }, (_, i) => ({ userId: `r${i}`, state: 'KZ' })),
  labels: { domain: 'border', category: 'general', classification: 'public', handling: 'H0' },
  ...extra,
});

describe('envelope header: the circular recipient limit', () => {
  it('lets a circular reach MAX_CIRCULAR_RECIPIENTS, and no more', () => {
    expect(EnvelopeHeader.safeParse(header('circular', MAX_CIRCULAR_RECIPIENTS)).success).to.equal(true);
    expect(EnvelopeHeader.safeParse(header('circular', MAX_CIRCULAR_RECIPIENTS + 1)).success).to.equal(false);
  });

  it('keeps every other kind at MAX_RECIPIENTS', () => {
    expect(EnvelopeHeader.safeParse(header('message', MAX_RECIPIENTS)).success).to.equal(true);
    const over = EnvelopeHeader.safeParse(header('message', MAX_RECIPIENTS + 1));
    expect(over.success).to.equal(false);
    expect(over.error?.issues.map((issue) => issue.message)).to.include(`at most ${MAX_RECIPIENTS} recipients`);
  });

  it('never holds a circular for approval', () => {
    const held = header('circular', 2, { approvers: [{ userId: 'admin', state: 'KZ' }] });
    expect(EnvelopeHeader.safeParse(held).success).to.equal(false);
  });
});
