import { expect } from 'chai';
import { BatchedLookup } from '../../../server/db/batched-lookup.js';
import { GroupCommit } from '../../../server/system/group-commit.js';

describe('database batching helpers', () => {
  describe('GroupCommit', () => {
    it('writes items submitted in one go together, then those submitted while a write is in flight, each caller with its own outcome', async () => {
      const batches: number[][] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let started: () => void = () => undefined;
      const firstWrite = new Promise<void>((resolve) => {
        started = resolve;
      });
      const commit = new GroupCommit<number, string>(async (items) => {
        batches.push(items);
        if (batches.length === 1) {
          started();
          await gate;
        }
        return items.map((n) => (n === 4 ? new Error('item 4 refused') : `stored ${n}`));
      });
      const first = [commit.submit(1), commit.submit(2)];
      await firstWrite;
      const rest = [3, 4, 5].map((n) => commit.submit(n).catch((error: Error) => error.message));
      release();
      expect(await Promise.all(first)).to.deep.equal(['stored 1', 'stored 2']);
      expect(await Promise.all(rest)).to.deep.equal(['stored 3', 'item 4 refused', 'stored 5']);
      expect(batches).to.deep.equal([
        [1, 2],
        [3, 4, 5],
      ]);
    });

    it('fails every caller of a batch whose write throws, and keeps working afterwards', async () => {
      let fail = true;
      const commit = new GroupCommit<number, number>(async (items) => {
        if (fail) throw new Error('database down');
        return items;
      });
      const outcomes = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);
      fail = false;
      expect(await commit.submit(3)).to.equal(3);
    });
  });

  it('GroupCommit: a write that never answers fails its batch after the deadline, and the next batch is written', async () => {
    let calls = 0;
    const commit = new GroupCommit<number, string>(
      (items) => {
        calls += 1;
        return calls === 1 ? new Promise(() => undefined) : Promise.resolve(items.map((n) => `stored ${n}`));
      },
      500,
      50,
    );
    const stuck = commit.submit(1);
    await Promise.resolve(); // the first write has started
    const waiting = commit.submit(2);
    const error = await stuck.then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).to.equal('db.unavailable');
    expect(await waiting).to.equal('stored 2');
    expect(await commit.submit(3)).to.equal('stored 3');
  });

  it('BatchedLookup: a read that never answers fails its callers after the deadline, and later lookups are read', async () => {
    let calls = 0;
    const lookup = new BatchedLookup<string>(
      (keys) => {
        calls += 1;
        return calls === 1
          ? new Promise(() => undefined)
          : Promise.resolve(keys.map((k) => [k, `value ${k}`] as [string, string]));
      },
      500,
      50,
    );
    const stuck = lookup.get('a');
    await Promise.resolve(); // the first read has started
    const waiting = lookup.get('b');
    const error = await stuck.then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).to.equal('db.unavailable');
    expect(await waiting).to.equal('value b');
    expect(await lookup.get('a')).to.equal('value a');
  });

  describe('BatchedLookup', () => {
    it('answers lookups asked together with one read, those asked during it with the next, the same key once, undefined for what is missing', async () => {
      const reads: string[][] = [];
      const lookup = new BatchedLookup<number>(async (keys) => {
        reads.push(keys);
        return keys.filter((k) => k !== 'missing').map((k): [string, number] => [k, k.length]);
      });
      const together = [lookup.get('a'), lookup.get('ccc')];
      await Promise.resolve(); // the first read has started
      const answers = await Promise.all([...together, lookup.get('bb'), lookup.get('bb'), lookup.get('missing')]);
      expect(answers).to.deep.equal([1, 3, 2, 2, undefined]);
      expect(reads).to.deep.equal([
        ['a', 'ccc'],
        ['bb', 'missing'],
      ]);
    });

    it('rejects the callers of a failed read only', async () => {
      let calls = 0;
      const lookup = new BatchedLookup<string>(async (keys) => {
        calls += 1;
        if (calls === 1) throw new Error('read failed');
        return keys.map((k): [string, string] => [k, k.toUpperCase()]);
      });
      const failed = await lookup.get('x').catch((error: Error) => error.message);
      expect(failed).to.equal('read failed');
      expect(await lookup.get('y')).to.equal('Y');
    });
  });
});
