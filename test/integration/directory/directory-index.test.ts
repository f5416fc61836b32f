import { expect } from 'chai';
import { activeNationalAdmin, bootstrapNetworkAdmin } from '../../helpers/accounts.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * The directory held in memory: after a write on this node, the next read reflects it, even when a
 * reload that began before the write is still under way.
 */
describe('directory index: reading what was written', function () {
  this.timeout(60_000);
  let t: TestServer;

  before(async () => {
    t = await startTestServer();
    const root = await bootstrapNetworkAdmin(t);
    await activeNationalAdmin(t, root, 'KZ');
  });
  after(async () => t.close());

  it('a reload begun before an invalidation is not handed to those who read after it, nor kept', async () => {
    const index = t.server.messaging.index;
    const states = t.server.accounts.states;
    const all = states.all.bind(states);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    let firstReadDone = false;
    states.all = async () => {
      calls += 1;
      const call = calls;
      const read = await all();
      if (call === 1) {
        firstReadDone = true; // the write below waits for this, so the held reload read before it
        await gate;
      }
      return read;
    };
    try {
      index.invalidate();
      const before = index.snapshot(); // held at the gate with what it read
      while (!firstReadDone) await new Promise((resolve) => setTimeout(resolve, 5));
      await states.setDomains('KZ', ['border'], t.clock.now());
      index.invalidate(); // what every writer does after writing
      const after = await index.snapshot();
      expect(after.states.get('KZ')?.domains).to.deep.equal(['border']);
      release();
      expect((await before).states.get('KZ')?.domains).to.have.length(4);
      expect((await index.snapshot()).states.get('KZ')?.domains).to.deep.equal(['border']);
    } finally {
      states.all = all;
      release();
    }
  });
});
