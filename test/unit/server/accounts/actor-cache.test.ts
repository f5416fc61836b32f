import { expect } from 'chai';
import { ActorCache, type ActorRecord, type ActorSource } from '../../../../server/modules/accounts/actor-cache.js';

/** An account store that counts reads and can hold a read open until told to finish. */
class FakeAccounts implements ActorSource {
  reads = 0;
  private readonly users = new Map<string, ActorRecord>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  put(id: string, status: ActorRecord['status']): void {
    this.users.set(id, {
      id,
      status,
      tokenVersion: 0,
      role: 'focal-point',
      endedSessions: [],
    } as unknown as ActorRecord);
  }

  holdReads(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  releaseReads(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  async findById(id: string): Promise<ActorRecord | undefined> {
    this.reads += 1;
    const snapshot = this.users.get(id);
    await this.gate;
    return snapshot;
  }
}

describe('actor cache', () => {
  let accounts: FakeAccounts;
  let clock: number;
  let trusted: boolean;
  let cache: ActorCache;

  beforeEach(() => {
    accounts = new FakeAccounts();
    accounts.put('u1', 'active');
    clock = 0;
    trusted = true;
    cache = new ActorCache(accounts, { maxAgeMs: 5_000, maxEntries: 2, trusted: () => trusted, now: () => clock });
  });

  it('reads an account once and serves repeats from memory until it is forgotten', async () => {
    await cache.findById('u1');
    await cache.findById('u1');
    expect(accounts.reads).to.equal(1);
    accounts.put('u1', 'suspended');
    cache.forget('u1');
    expect((await cache.findById('u1'))?.status).to.equal('suspended');
    expect(accounts.reads).to.equal(2);
  });

  it('re-reads an account older than the age limit', async () => {
    await cache.findById('u1');
    clock = 5_001;
    await cache.findById('u1');
    expect(accounts.reads).to.equal(2);
  });

  it('does not keep a read that was in flight when a forget happened (a revoked account cannot come back)', async () => {
    accounts.holdReads();
    const inFlight = cache.findById('u1'); // reads "active"
    accounts.put('u1', 'suspended');
    cache.forget('u1');
    accounts.releaseReads();
    expect((await inFlight)?.status).to.equal('active');
    expect((await cache.findById('u1'))?.status).to.equal('suspended');
  });

  it('goes to the database every time while other nodes cannot reach it, and forgets what it held', async () => {
    await cache.findById('u1');
    trusted = false;
    await cache.findById('u1');
    await cache.findById('u1');
    expect(accounts.reads).to.equal(3);
    trusted = true;
    accounts.put('u1', 'suspended');
    expect((await cache.findById('u1'))?.status).to.equal('suspended');
  });

  it('holds at most maxEntries accounts, dropping the oldest', async () => {
    accounts.put('u2', 'active');
    accounts.put('u3', 'active');
    await cache.findById('u1');
    await cache.findById('u2');
    await cache.findById('u3');
    expect(accounts.reads).to.equal(3);
    await cache.findById('u3');
    expect(accounts.reads).to.equal(3);
    await cache.findById('u1');
    expect(accounts.reads).to.equal(4);
  });

  it('asks the database once when many requests of one account arrive together', async () => {
    accounts.holdReads();
    const all = Promise.all([cache.findById('u1'), cache.findById('u1'), cache.findById('u1')]);
    accounts.releaseReads();
    expect((await all).map((u) => u?.status)).to.deep.equal(['active', 'active', 'active']);
    expect(accounts.reads).to.equal(1);
  });

  it('a request after a forget does not join the read that began before it', async () => {
    accounts.holdReads();
    const early = cache.findById('u1');
    accounts.put('u1', 'suspended');
    cache.forget('u1');
    accounts.releaseReads();
    const late = cache.findById('u1');
    expect((await early)?.status).to.equal('active');
    expect((await late)?.status).to.equal('suspended');
    expect(accounts.reads).to.equal(2);
  });

  it('does not remember unknown accounts', async () => {
    expect(await cache.findById('nobody')).to.equal(undefined);
    await cache.findById('nobody');
    expect(accounts.reads).to.equal(2);
  });
});
