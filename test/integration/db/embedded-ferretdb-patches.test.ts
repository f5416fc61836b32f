import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import { readFileSync } from 'node:fs';
import { testDatabasePid, testMongoUri, uniqueDbName } from '../../helpers/test-database.js';
import { patchStamp, readPatches } from '../../../scripts/ferretdb/patches.js';
import { ferretdbStampPath } from '../../../server/db/ferretdb-paths.js';

/**
 * The embedded FerretDB is built with the patches in scripts/ferretdb/patches. Without the _id patch,
 * SQLite answered every lookup by _id with a full table scan; these tests read SQLite's own
 * query plan through FerretDB's `explain`.
 */
describe('embedded FerretDB build', function () {
  this.timeout(60_000);
  let connection: mongoose.Connection;

  before(async () => {
    connection = await mongoose.createConnection(testMongoUri(), { dbName: uniqueDbName('ferretpatch') }).asPromise();
  });
  after(async () => connection.close());

  const lookups = (): mongoose.mongo.Collection<{ _id: Types.ObjectId | string; [field: string]: unknown }> =>
    connection.collection('lookups');

  async function planFor(filter: Record<string, unknown>): Promise<string> {
    const explained = (await connection.db!.command({
      explain: { find: 'lookups', filter },
      verbosity: 'queryPlanner',
    })) as { queryPlanner?: unknown };
    return JSON.stringify(explained.queryPlanner);
  }

  it("runs the binary built with every patch, with Go's collector relaxed", () => {
    expect(readFileSync(ferretdbStampPath(), 'utf8')).to.equal(patchStamp('1.24.2'));
    expect(readPatches().map((p) => p.name)).to.include.members([
      'sqlite-id-index-expression.patch',
      'sqlite-id-in-and-integer.patch',
      'resource-tracking-off.patch',
      'sqlite-one-writer.patch',
      'read-modify-write-lock.patch',
    ]);
    const environment = readFileSync(`/proc/${testDatabasePid()}/environ`, 'utf8').split('\0');
    expect(environment).to.include(`GOGC=${process.env.GOGC ?? '400'}`);
    expect(environment.some((entry) => entry.startsWith('GOMEMLIMIT='))).to.equal(true);
  });

  it('looks documents up by ObjectId _id through the unique _id index, not a table scan', async () => {
    const ids = Array.from({ length: 50 }, () => new Types.ObjectId());
    await lookups().insertMany(ids.map((_id, n) => ({ _id, n })));
    const wanted = ids[17] ?? new Types.ObjectId();
    const plan = await planFor({ _id: wanted });
    expect(plan).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(plan).not.to.include('SCAN');
    expect(await lookups().findOne({ _id: wanted })).to.deep.include({ n: 17 });
  });

  it('uses the index for string _ids too, and still finds, updates and deletes the right document', async () => {
    await lookups().insertMany([
      { _id: 'alpha', v: 1 },
      { _id: 'beta', v: 2 },
    ]);
    expect(await planFor({ _id: 'beta' })).to.match(/USING INDEX/);
    await lookups().updateOne({ _id: 'beta' }, { $set: { v: 3 } });
    expect(await lookups().findOne({ _id: 'beta' })).to.deep.include({ v: 3 });
    await lookups().deleteOne({ _id: 'alpha' });
    expect(await lookups().findOne({ _id: 'alpha' })).to.equal(null);
    expect(await lookups().countDocuments({ v: 3 })).to.equal(1);
  });

  it('reads only the listed rows for {_id: {$in: [...]}} and still answers exactly what MongoDB would', async () => {
    const ids = Array.from({ length: 40 }, () => new Types.ObjectId());
    await lookups().insertMany(ids.map((_id, n) => ({ _id, n, group: n % 2 === 0 ? 'even' : 'odd' })));
    const some = [ids[3], ids[8], ids[39]].filter((id): id is Types.ObjectId => id !== undefined);
    expect(await planFor({ _id: { $in: some } })).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
    const found = await lookups()
      .find({ _id: { $in: [...some, new Types.ObjectId(), 'zeta'] } })
      .toArray();
    expect(found.map((doc) => doc.n).sort((a, b) => Number(a) - Number(b))).to.deep.equal([3, 8, 39]);
    // Other shapes are not pushed down and are still filtered correctly.
    expect(await planFor({ _id: { $in: [...some], $nin: some.slice(0, 1) } })).to.include('SCAN');
    expect(await lookups().countDocuments({ _id: { $in: some, $nin: some.slice(0, 1) } })).to.equal(2);
    const deleted = await lookups().deleteMany({ _id: { $in: some } });
    expect(deleted.deletedCount).to.equal(3);
    expect(await lookups().countDocuments({ group: { $in: ['even', 'odd'] } })).to.equal(37);
    const updated = await lookups().updateMany(
      { _id: { $in: [ids[0], ids[1]].filter((id): id is Types.ObjectId => id !== undefined) } },
      { $set: { touched: true } },
    );
    expect(updated.modifiedCount).to.equal(2);
    expect(await lookups().countDocuments({ touched: true })).to.equal(2);
  });

  it("uses the index for integer _ids (the audit trail's sequence numbers), matching every numeric type as MongoDB does", async () => {
    const numbers = connection.collection<{
      _id: number | string | mongoose.mongo.Double | mongoose.mongo.Long;
      v: string;
    }>('numbered');
    await numbers.insertMany([
      ...Array.from({ length: 30 }, (_, i) => ({ _id: i + 1, v: `int ${i + 1}` })),
      { _id: new mongoose.mongo.Double(40), v: 'double 40' },
      { _id: mongoose.mongo.Long.fromNumber(2 ** 40), v: 'long 2^40' },
      { _id: '7', v: 'string 7' },
      { _id: new mongoose.mongo.Double(-0), v: 'double -0' },
      { _id: 7.5, v: 'double 7.5' },
    ]);
    const plan = async (filter: Record<string, unknown>): Promise<string> =>
      JSON.stringify(
        (
          (await connection.db!.command({ explain: { find: 'numbered', filter }, verbosity: 'queryPlanner' })) as {
            queryPlanner?: unknown;
          }
        ).queryPlanner,
      );
    expect(await plan({ _id: 17 })).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(await plan({ _id: { $in: [3, 4] } })).to.match(/USING INDEX/);
    expect((await numbers.findOne({ _id: 7 }))?.v).to.equal('int 7'); // not the string '7'
    expect((await numbers.findOne({ _id: 40 }))?.v).to.equal('double 40');
    expect((await numbers.findOne({ _id: mongoose.mongo.Long.fromNumber(40) }))?.v).to.equal('double 40');
    expect((await numbers.findOne({ _id: 2 ** 40 }))?.v).to.equal('long 2^40');
    expect((await numbers.findOne({ _id: 0 }))?.v).to.equal('double -0'); // zero is left to FerretDB's own filter
    expect((await numbers.findOne({ _id: 7.5 }))?.v).to.equal('double 7.5');
    expect((await numbers.find({ _id: { $in: [5, 40, '7', 99] } }).toArray()).map((d) => d.v).sort()).to.deep.equal([
      'double 40',
      'int 5',
      'string 7',
    ]);
    expect((await numbers.deleteOne({ _id: 30 })).deletedCount).to.equal(1);
    expect(await numbers.findOne({ _id: 30 })).to.equal(null);
  });

  it('takes writes from many connections at once, one at a time, losing and blocking none', async () => {
    // Writes wait for the database's one writer slot; every kind of write is admitted in turn.
    const clients = await Promise.all(
      Array.from({ length: 8 }, () =>
        mongoose.createConnection(testMongoUri(), { dbName: connection.name, maxPoolSize: 4 }).asPromise(),
      ),
    );
    try {
      await Promise.all(
        clients.map(async (client, c) => {
          const writes = client.collection<{ _id: string; c: number; n: number; kept?: boolean }>('writers');
          for (let round = 0; round < 5; round++) {
            await Promise.all(
              Array.from({ length: 4 }, (_, k) =>
                writes.insertMany(Array.from({ length: 5 }, (_, i) => ({ _id: `${c}-${round}-${k}-${i}`, c, n: i }))),
              ),
            );
            await writes.updateMany({ c, n: { $lt: 2 } }, { $set: { kept: true } });
            await writes.deleteMany({ c, n: 4 });
          }
        }),
      );
      const writes = connection.collection('writers');
      expect(await writes.countDocuments({})).to.equal(8 * 5 * 4 * 4);
      expect(await writes.countDocuments({ kept: true })).to.equal(8 * 5 * 4 * 2);
      expect(await writes.countDocuments({ n: 4 })).to.equal(0);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
  it('applies concurrent updates of one document one after another: no change undoes another', async () => {
    const clients = await Promise.all(
      Array.from({ length: 4 }, () =>
        mongoose.createConnection(testMongoUri(), { dbName: connection.name, maxPoolSize: 8 }).asPromise(),
      ),
    );
    const on = (c: number) =>
      (clients[c] ?? connection).collection<{
        _id: string;
        status?: string;
        name?: string;
        tokenVersion?: number;
        n?: number;
        list?: number[];
      }>('accounts');
    try {
      // A suspension racing another write of the same account (before the patch: 46 rounds in 50 lost one).
      for (let round = 0; round < 30; round++) {
        const id = `account-${round}`;
        await on(0).insertOne({ _id: id, status: 'active', name: 'before', tokenVersion: 0 });
        await Promise.all([
          on(1).updateOne({ _id: id }, { $set: { status: 'suspended' }, $inc: { tokenVersion: 1 } }),
          on(2).updateOne({ _id: id }, { $set: { name: `after ${round}` } }),
        ]);
        expect(await on(0).findOne({ _id: id }), `round ${round}`).to.deep.equal({
          _id: id,
          status: 'suspended',
          name: `after ${round}`,
          tokenVersion: 1,
        });
      }
      await on(0).insertOne({ _id: 'counter', n: 0, list: [] });
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          i % 2 === 0
            ? on(i % 4).updateOne({ _id: 'counter' }, { $inc: { n: 1 } })
            : on(i % 4).findOneAndUpdate({ _id: 'counter' }, { $push: { list: i } }),
        ),
      );
      const counter = await on(0).findOne({ _id: 'counter' });
      expect(counter?.n).to.equal(12);
      expect(counter?.list).to.have.length(12);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});
