import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import { testMongoUri, uniqueDbName } from '../../helpers/test-database.js';

/**
 * The embedded FerretDB is built with server/db/ferretdb-patches.ts. Without the _id patch,
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

  async function planFor(filter: Record<string, unknown>): Promise<string> {
    const explained = await connection.db!.command({ explain: { find: 'lookups', filter }, verbosity: 'queryPlanner' }) as { queryPlanner?: unknown };
    return JSON.stringify(explained.queryPlanner);
  }

  it('looks documents up by ObjectId _id through the unique _id index, not a table scan', async () => {
    const ids = Array.from({ length: 50 }, () => new Types.ObjectId());
    await connection.collection('lookups').insertMany(ids.map((_id, n) => ({ _id, n })));
    const plan = await planFor({ _id: ids[17] });
    expect(plan).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(plan).not.to.include('SCAN');
    expect(await connection.collection('lookups').findOne({ _id: ids[17] })).to.deep.include({ n: 17 });
  });

  it('uses the index for string _ids too, and still finds, updates and deletes the right document', async () => {
    await connection.collection('lookups').insertMany([{ _id: 'alpha' as unknown as Types.ObjectId, v: 1 }, { _id: 'beta' as unknown as Types.ObjectId, v: 2 }]);
    expect(await planFor({ _id: 'beta' })).to.match(/USING INDEX/);
    await connection.collection('lookups').updateOne({ _id: 'beta' as unknown as Types.ObjectId }, { $set: { v: 3 } });
    expect(await connection.collection('lookups').findOne({ _id: 'beta' as unknown as Types.ObjectId })).to.deep.include({ v: 3 });
    await connection.collection('lookups').deleteOne({ _id: 'alpha' as unknown as Types.ObjectId });
    expect(await connection.collection('lookups').findOne({ _id: 'alpha' as unknown as Types.ObjectId })).to.equal(null);
    expect(await connection.collection('lookups').countDocuments({ v: 3 })).to.equal(1);
  });
});
