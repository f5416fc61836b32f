import { expect } from 'chai';
import type { AuditEvent } from '../../../../server/modules/audit/audit-log.js';
import type { AuditEntry } from '../../../../server/modules/audit/audit-entry.js';
import type { KeyGeneration, KeyGenerationStore } from '../../../../server/modules/server-keys/ports.js';
import { logKeyHistory, serverKeys } from '../../../../server/modules/server-keys/server-keys.js';
import {
  replaceServerKeys,
  settleServerKeys,
  SigningKeysMismatch,
  type SettleDeps,
} from '../../../../server/modules/server-keys/settle-keys.js';
import { verifyKeyTransition } from '../../../../shared/crypto/verify-key-transition.js';
import { TestClock } from '../../../helpers/test-clock.js';

const A = serverKeys('a'.repeat(40));
const B = serverKeys('b'.repeat(40));
const C = serverKeys('c'.repeat(40));

/** Generations in memory, numbered as the collection's _id: a second add of one number is refused. */
class MemoryGenerations implements KeyGenerationStore {
  readonly stored: KeyGeneration[] = [];
  all = (): Promise<KeyGeneration[]> => Promise.resolve([...this.stored]);
  latest = (): Promise<KeyGeneration | undefined> => Promise.resolve(this.stored[this.stored.length - 1]);
  add(generation: KeyGeneration): Promise<boolean> {
    if (this.stored.some((g) => g.generation === generation.generation)) return Promise.resolve(false);
    this.stored.push(generation);
    return Promise.resolve(true);
  }
}

function deps(store = new MemoryGenerations()): SettleDeps & { store: MemoryGenerations; events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  const audit = { append: (event: AuditEvent) => (events.push(event), Promise.resolve({} as AuditEntry)) };
  return { store, clock: new TestClock(), audit, events };
}

describe('server keys: settling the keys in force at start', () => {
  it('records the first keys, then accepts them unchanged', async () => {
    const d = deps();
    expect(await settleServerKeys(d, A)).to.deep.equal({ kind: 'first', generation: 1 });
    expect(await settleServerKeys(d, A)).to.deep.equal({ kind: 'unchanged', generation: 1 });
    expect(d.store.stored[0]).to.deep.include({
      directoryKey: A.directory.publicKey,
      auditLogKey: A.auditLog.publicKey,
    });
    expect(d.events).to.deep.equal([]);
  });

  it('refuses other keys without the previous secret, and with a previous secret that is not the one in force', async () => {
    const d = deps();
    await settleServerKeys(d, A);
    for (const previous of [undefined, C]) {
      const refused = await settleServerKeys(d, B, previous).catch((error: unknown) => error);
      expect(refused).to.be.instanceOf(SigningKeysMismatch);
      expect((refused as Error).message).to.include(A.auditLog.publicKey.slice(0, 8));
    }
    expect(d.store.stored).to.have.length(1);
  });

  it('renews with the previous secret: both transitions signed by the old keys, one audit entry', async () => {
    const d = deps();
    await settleServerKeys(d, A);
    const renewed = await settleServerKeys(d, B, A);
    expect(renewed).to.deep.include({ kind: 'renewed', generation: 2 });
    const [, second] = d.store.stored;
    expect(second?.transitions.map((t) => [t.purpose, t.from, t.to])).to.deep.equal([
      ['directory', A.directory.publicKey, B.directory.publicKey],
      ['audit-log', A.auditLog.publicKey, B.auditLog.publicKey],
    ]);
    for (const transition of second?.transitions ?? []) expect(await verifyKeyTransition(transition)).to.equal(true);
    expect(d.events.map((e) => e.type)).to.deep.equal(['system.signing-keys-renewed']);
    // Started again with the previous secret still set: nothing more happens.
    expect(await settleServerKeys(d, B, A)).to.deep.equal({ kind: 'unchanged', generation: 2 });
  });

  it('two nodes renewing at once store one generation', async () => {
    const d = deps();
    await settleServerKeys(d, A);
    const both = await Promise.all([settleServerKeys(d, B, A), settleServerKeys(d, B, A)]);
    expect(both.map((s) => s.kind).sort()).to.deep.equal(['renewed', 'unchanged']);
    expect(d.store.stored).to.have.length(2);
    expect(d.events).to.have.length(1);
  });

  it('replaces leaked keys only when asked, with a reason and no endorsement; not the keys already in force', async () => {
    const d = deps();
    await settleServerKeys(d, A);
    expect(await replaceServerKeys(d, C, 'leaked')).to.deep.include({ kind: 'replaced', generation: 2 });
    expect(d.store.stored[1]).to.deep.include({ transitions: [], replacedBecause: 'leaked' });
    expect(d.events.map((e) => [e.type, e.data?.reason])).to.deep.equal([['system.signing-keys-replaced', 'leaked']]);
    const again = await replaceServerKeys(d, C, 'again').catch((error: unknown) => error);
    expect(String(again)).to.include('already in force');
    expect(await settleServerKeys(d, C)).to.deep.equal({ kind: 'unchanged', generation: 2 });
  });
});

describe('server keys: the history a log is verified against', () => {
  it('lists the log keys in order, notes replacements, and names a generation its predecessor did not endorse', async () => {
    const d = deps();
    await settleServerKeys(d, A);
    await settleServerKeys(d, B, A);
    await replaceServerKeys(d, C, 'leaked');
    const history = await logKeyHistory(d.store.stored, 'unused');
    expect(history.keys).to.deep.equal([A.auditLog.publicKey, B.auditLog.publicKey, C.auditLog.publicKey]);
    expect(history.problems).to.deep.equal([]);
    expect(history.replacements.map((r) => [r.generation, r.reason])).to.deep.equal([[3, 'leaked']]);

    // Someone with the database only: a generation "renewed" to their key, its transitions signed by themselves.
    const forged = {
      ...d.store.stored[1]!,
      transitions: d.store.stored[1]!.transitions.map((t) => ({ ...t, from: C.auditLog.publicKey })),
    };
    const broken = await logKeyHistory([d.store.stored[0]!, forged], 'unused');
    expect(broken.problems).to.have.length(2);
    expect(broken.problems[0]).to.include("generation 2's directory key is not endorsed by generation 1's");
  });

  it('is the configured key alone while nothing is recorded (a database from before generations were kept)', async () => {
    expect((await logKeyHistory([], A.auditLog.publicKey)).keys).to.deep.equal([A.auditLog.publicKey]);
  });
});
