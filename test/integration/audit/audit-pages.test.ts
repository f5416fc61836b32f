import { expect } from 'chai';
import { AuditRepository } from '../../../server/db/repositories/audit.repository.js';
import type { AuditQuery } from '../../../server/modules/audit/ports.js';
import { auditEntryModel } from '../../../server/db/models/audit-entry.model.js';
import { createAuditLog } from '../../../server/modules/audit/audit-log.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * The audit page reads newest first by key (windows of sequence numbers) and falls back to the
 * sorted query for what the windows did not fill: every page must be exactly what the sorted
 * query answers. Small windows here, so every path is taken.
 */
describe('audit trail pages, newest first by key', function () {
  this.timeout(60_000);
  let t: TestServer;
  let keyed: AuditRepository;

  before(async () => {
    t = await startTestServer();
    keyed = new AuditRepository(auditEntryModel(t.server.database.connection), { window: 7, windows: 3 });
    const log = createAuditLog(keyed, t.clock);
    const states = ['KZ', 'RU', 'KZ', 'TJ', null];
    for (let i = 0; i < 120; i++) {
      // A rare type early on (only the sorted fallback reaches it), the rest mixed.
      await log.append({
        type: i < 3 ? 'user.activated' : i % 4 === 0 ? 'message.stored' : 'auth.signed-in',
        actorId: `actor${i % 5}`,
        state: states[i % 5] ?? null,
        subjectId: `subject${i % 7}`,
      });
    }
  });
  after(async () => t.close());

  const seqs = async (query: AuditQuery): Promise<number[]> => (await keyed.list(query)).map((e) => e.seq);
  const sorted = async (query: AuditQuery): Promise<number[]> => (await keyed.sortedList(query)).map((e) => e.seq);

  it('answers exactly what the sorted query answers, for every filter, page size and starting point', async () => {
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
          expect(await seqs(query), JSON.stringify(query)).to.deep.equal(await sorted(query));
          compared += 1;
        }
      }
    }
    expect(compared).to.equal(8 * 4 * 7);
    expect(await seqs({ type: 'user.activated', order: 'desc', limit: 10 })).to.deep.equal([3, 2, 1]);
  });

  it('fills a page of a common filter from the windows alone, without the sorted read', async () => {
    const expected = await sorted({ state: 'KZ', order: 'desc', limit: 5 });
    expect(expected).to.deep.equal([118, 116, 113, 111, 108]);
    const model = (keyed as unknown as { model: { find: unknown } }).model;
    const { find } = model;
    model.find = () => {
      throw new Error('the sorted read should not be needed');
    };
    try {
      expect(await seqs({ state: 'KZ', order: 'desc', limit: 5 })).to.deep.equal(expected);
    } finally {
      model.find = find;
    }
  });
});
