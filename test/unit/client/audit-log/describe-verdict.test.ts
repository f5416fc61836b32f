import { expect } from 'chai';
import type { SignedTreeHead } from '../../../../shared/audit/tree-head.js';
import { cosigners } from '../../../../client/src/features/audit-log/cosigners.js';
import { describeVerdict } from '../../../../client/src/features/audit-log/describe-verdict.js';
import { en } from '../../../../client/src/i18n/en.js';

const head = (size: number, at = '2026-12-01T10:00:00.000Z'): SignedTreeHead => ({
  size,
  root: 'A'.repeat(43),
  at,
  signature: 'B'.repeat(86),
});
const date = (iso: string): string => `date(${iso})`;

describe('audit log alert wording', () => {
  it('a truncated trail names the day it was seen and both sizes, and who was told', () => {
    const alert = describeVerdict(
      { ok: false, kind: 'truncated', saved: head(12), current: head(9), reported: true, detail: '' },
      date,
    );
    expect(alert).to.deep.equal({
      tone: 'danger',
      title: 'title',
      body: 'truncated',
      values: { date: 'date(2026-12-01T10:00:00.000Z)', saved: 12, current: 9 },
      told: 'told',
    });
  });

  it('says when telling the admins failed', () => {
    const alert = describeVerdict(
      { ok: false, kind: 'inconsistent', saved: head(5), current: head(8), reported: false, detail: '' },
      date,
    );
    expect(alert).to.deep.include({ body: 'inconsistent', told: 'notTold' });
  });

  it('a first head with a bad signature has no day to name', () => {
    const alert = describeVerdict(
      { ok: false, kind: 'bad-signature', saved: null, current: head(3), reported: false, detail: '' },
      date,
    );
    expect(alert).to.deep.include({ body: 'bad-signature-first', values: {} });
  });

  it('a check that could not run is a warning, not a discrepancy', () => {
    expect(describeVerdict({ ok: false, kind: 'unchecked', detail: 'offline' }, date)).to.deep.equal({
      tone: 'warning',
      title: 'uncheckedTitle',
      body: 'unchecked',
      values: {},
    });
  });

  it('every body the alert can show has words', () => {
    for (const body of [
      'truncated',
      'inconsistent',
      'bad-signature',
      'bad-signature-first',
      'proof-refused',
      'unchecked',
    ])
      expect(en.auditLog.alert).to.have.property(body).that.is.a('string');
  });
});

describe('audit log co-signers', () => {
  const witness = (state: string, size: number) => ({
    state,
    userId: '0123456789abcdef01234567',
    head: { size, root: 'A'.repeat(43), at: '2026-12-01T10:00:00.000Z' },
    signature: 'C'.repeat(86),
    signedAt: '2026-12-01T10:00:00.000Z',
  });

  it('lists each state once by its newest co-signature, with how far it reaches when it is behind', () => {
    expect(cosigners([witness('RU', 4), witness('KZ', 10), witness('RU', 8)], 10)).to.deep.equal([
      { state: 'KZ' },
      { state: 'RU', upTo: 8 },
    ]);
    expect(cosigners([], 10)).to.deep.equal([]);
  });
});
