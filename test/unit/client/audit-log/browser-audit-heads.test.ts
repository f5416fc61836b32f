import { expect } from 'chai';
import { browserAuditHeads } from '../../../../client/src/services/browser-audit-heads.js';

const saved = {
  logKey: 'A'.repeat(43),
  head: { size: 3, root: 'Q'.repeat(43), at: '2026-12-01T10:00:00.000Z', signature: 'g'.repeat(86) },
};

describe("the browser's store of verified audit log heads", () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  let items: Map<string, string>;
  beforeEach(() => {
    items = new Map();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => items.set(key, value),
      },
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps each person’s head apart, across instances (a reload)', async () => {
    await browserAuditHeads().save('alice', saved);
    expect(await browserAuditHeads().load('alice')).to.deep.equal(saved);
    expect(await browserAuditHeads().load('bob')).to.equal(undefined);
  });

  it('ignores what is not a saved head (it pins again rather than trusting it)', async () => {
    items.set('focalnet.audit-head.alice', '{"logKey":"short"}');
    expect(await browserAuditHeads().load('alice')).to.equal(undefined);
    items.set('focalnet.audit-head.alice', 'not json');
    expect(await browserAuditHeads().load('alice')).to.equal(undefined);
  });
});
