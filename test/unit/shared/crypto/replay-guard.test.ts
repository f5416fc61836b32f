import { expect } from 'chai';
import { ReplayGuard } from '../../../../shared/crypto/replay-guard.js';

describe('shared/crypto/replay-guard', () => {
  it('accepts a (sender, msgId) pair once', () => {
    const guard = new ReplayGuard();
    expect(guard.accept('alice', 'm1')).to.equal(true);
    expect(guard.accept('alice', 'm1')).to.equal(false);
    expect(guard.accept('bob', 'm1')).to.equal(true);
    expect(guard.accept('alice', 'm2')).to.equal(true);
  });

  it('does not confuse pairs whose concatenations coincide', () => {
    const guard = new ReplayGuard();
    expect(guard.accept('a:b', 'c')).to.equal(true);
    expect(guard.accept('a', 'b:c')).to.equal(true);
  });

  it('stays within its capacity, forgetting the oldest pair first', () => {
    const guard = new ReplayGuard(3);
    for (const id of ['m1', 'm2', 'm3', 'm4']) expect(guard.accept('alice', id)).to.equal(true);
    expect(guard.size).to.equal(3);
    expect(guard.accept('alice', 'm4')).to.equal(false);
    expect(guard.accept('alice', 'm2')).to.equal(false);
    expect(guard.accept('alice', 'm1')).to.equal(true); // forgotten: the server's unique index is the backstop
  });

  it('refuses a useless capacity', () => {
    expect(() => new ReplayGuard(0)).to.throw(RangeError);
  });
});
