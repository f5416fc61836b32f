import { expect } from 'chai';
import { AuditRepository } from '../../../server/db/repositories/audit.repository.js';
import { auditLogModel } from '../../../server/db/models/audit-log.model.js';
import { inStateTrail, type AuditEntry } from '../../../server/modules/audit/audit-entry.js';
import { createAuditLog } from '../../../server/modules/audit/audit-log.js';
import type { AuditQuery } from '../../../server/modules/audit/ports.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * Pages of the trail are read by key (windows of segment numbers) and go on with the filtered
 * query for what the windows did not fill: every page must be exactly what filtering the whole
 * trail in memory gives. Small windows here, so every path is taken.
 */
describe('audit trail pages, read by key over segments', function () {
  this.timeout(120_000);
  let t: TestServer;
  let keyed: AuditRepository;
  let everything: AuditEntry[];

  before(async () => {
    t = await startTestServer();
    keyed = new AuditRepository(auditLogModel(t.server.database.connection), { window: 3, windows: 2 });
    const log = createAuditLog(keyed, t.clock, t.server.auditLog.key);
    const states = ['KZ', 'RU', 'KZ', 'TJ', null];
    for (let i = 0; i < 120; i += 3) {
      // Three at once: segments of one to three entries.
      await Promise.all(
        [i, i + 1, i + 2].map((n) =>
          log.append({
            type: n < 3 ? 'user.activated' : n % 4 === 0 ? 'message.stored' : 'auth.signed-in',
            actorId: `actor${n % 5}`,
            state: states[n % 5] ?? null,
            // Now and then another state's rule decided: the entry is in that state's trail too.
            ...(n % 9 === 0 ? { alsoStates: ['TJ'] } : {}),
            subjectId: `subject${n % 7}`,
          }),
        ),
      );
    }
    everything = [];
    for await (const entry of keyed.all()) everything.push(entry);
  });
  after(async () => t.close());

  const seqs = async (query: AuditQuery): Promise<number[]> => (await keyed.list(query)).map((e) => e.seq);
  const expected = (query: AuditQuery): number[] => {
    const matching = everything.filter(
      (e) =>
        (!query.state || inStateTrail(e, query.state)) &&
        (!query.type || e.type === query.type) &&
        (!query.person || e.actorId === query.person || e.subjectId === query.person) &&
        (query.afterSeq === undefined || e.seq > query.afterSeq) &&
        (query.beforeSeq === undefined || e.seq < query.beforeSeq),
    );
    if (query.order === 'desc') matching.reverse();
    return matching.slice(0, query.limit).map((e) => e.seq);
  };

  it('answers exactly what filtering the whole trail answers, for every filter, order, page size and start', async () => {
    const filters: Array<Partial<AuditQuery>> = [
      {},
      { state: 'KZ' },
      { state: 'TJ' },
      { type: 'user.activated' },
      { type: 'message.stored', state: 'RU' },
      { person: 'actor3' },
      { person: 'subject6' },
      { state: 'XX' },
    ];
    let compared = 0;
    for (const filter of filters) {
      for (const limit of [1, 5, 20, 200]) {
        for (const beforeSeq of [undefined, 121, 100, 40, 8, 2, 1]) {
          const query: AuditQuery = {
            ...filter,
            order: 'desc',
            limit,
            ...(beforeSeq === undefined ? {} : { beforeSeq }),
          };
          expect(await seqs(query), JSON.stringify(query)).to.deep.equal(expected(query));
          compared += 1;
        }
        for (const afterSeq of [undefined, 0, 1, 7, 60, 119, 120]) {
          const query: AuditQuery = { ...filter, order: 'asc', limit, ...(afterSeq === undefined ? {} : { afterSeq }) };
          expect(await seqs(query), JSON.stringify(query)).to.deep.equal(expected(query));
          compared += 1;
        }
      }
    }
    expect(compared).to.equal(8 * 4 * 14);
    expect(await seqs({ type: 'user.activated', order: 'desc', limit: 10 })).to.deep.equal([3, 2, 1]);
  });

  it("a state's trail shows the entries another state's rule put in it (alsoStates)", async () => {
    const tj = await keyed.list({ state: 'TJ', order: 'asc', limit: 500 });
    const shown = tj.filter((e) => e.state !== 'TJ');
    expect(shown.length).to.be.greaterThan(0);
    for (const entry of shown) expect(entry.alsoStates).to.deep.equal(['TJ']);
    const kz = await keyed.list({ state: 'KZ', order: 'asc', limit: 500 });
    expect(kz.every((e) => e.state === 'KZ')).to.equal(true);
  });

  it('fills a page of a common filter from the key windows alone, without the filtered query', async () => {
    const want = expected({ state: 'KZ', order: 'desc', limit: 2 });
    const records = (keyed as unknown as { records: { find: unknown } }).records;
    const original = Object.getOwnPropertyDescriptor(AuditRepository.prototype, 'records');
    let filtered = 0;
    Object.defineProperty(keyed, 'records', {
      get() {
        const collection = original?.get?.call(keyed) as { find: (filter: Record<string, unknown>) => unknown };
        return new Proxy(collection, {
          get(target, name, receiver) {
            if (name !== 'find') return Reflect.get(target, name, receiver) as unknown;
            return (filter: Record<string, unknown>, ...rest: unknown[]) => {
              if (!('_id' in filter && Object.keys(filter).length === 1)) filtered += 1;
              return (target.find as (...args: unknown[]) => unknown).call(target, filter, ...rest);
            };
          },
        });
      },
      configurable: true,
    });
    try {
      expect(await seqs({ state: 'KZ', order: 'desc', limit: 2 })).to.deep.equal(want);
      expect(filtered).to.equal(0);
    } finally {
      delete (keyed as unknown as { records?: unknown }).records;
    }
    expect(records).to.not.equal(undefined);
  });
});
