import { expect } from 'chai';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor } from '../../helpers/messaging.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging } from '../../helpers/sdk-messaging.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

const SAME_MS = 13;

describe('message history paging', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let kg: TestPerson;
  let ru: TestPerson;
  /** Server ids of kz → kg messages, all stored in the same millisecond. */
  const toKg: string[] = [];

  const sendOver = async (from: TestPerson, to: TestPerson, text: string): Promise<string> => {
    const answer = await call<{ id: string }>(t.url, 'POST', '/api/messages', {
      token: from.session?.accessToken,
      body: { envelope: await envelopeFor(t, from, [to], { text }) },
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body.id;
  };

  const history = (person: TestPerson, query: string) =>
    call<DeliveredMessage[]>(t.url, 'GET', `/api/messages?${query}`, { token: person.session?.accessToken });

  /** Follows (before, beforeId) cursors until a short page; returns every page's ids in order. */
  const pageThrough = async (
    person: TestPerson,
    filter: string,
    limit: number,
  ): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor = '';
    for (let pages = 1; pages <= 50; pages++) {
      const page = await history(person, `limit=${limit}${filter}${cursor}`);
      expect(page.status, JSON.stringify(page.body)).to.equal(200);
      ids.push(...page.body.map((m) => m.id));
      const oldest = page.body.at(-1);
      if (page.body.length < limit || !oldest) return { ids, pages };
      cursor = `&before=${encodeURIComponent(oldest.storedAt)}&beforeId=${oldest.id}`;
    }
    throw new Error('history paging does not end');
  };

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
      },
    });
    ({ t } = net);
    [kz, kg, ru] = [net.focalPoint('KZ'), net.focalPoint('KG'), net.focalPoint('RU')];
    // The TestClock follows real time plus an offset; stopped here, every message below is
    // stored in the same millisecond, with messages to another counterpart in between.
    const stoppedAt = t.clock.now().getTime();
    t.clock.now = () => new Date(stoppedAt);
    try {
      for (let i = 0; i < SAME_MS; i++) {
        toKg.push(await sendOver(kz, kg, `same ms ${i}`));
        if (i % 3 === 0) await sendOver(kz, ru, `to ru ${i}`);
      }
    } finally {
      Reflect.deleteProperty(t.clock, 'now');
    }
  });
  after(async () => t.close());

  it('pages through messages stored in the same millisecond: each exactly once, newest (storedAt, id) first', async () => {
    const { ids, pages } = await pageThrough(kg, `&with=${kz.user.id}`, 3);
    expect(pages).to.be.greaterThan(4);
    expect(ids).to.have.length(SAME_MS);
    expect(new Set(ids).size).to.equal(SAME_MS);
    // Same storedAt everywhere, so the order is by id, descending.
    expect(ids).to.deep.equal([...toKg].sort().reverse());
  });

  it("the counterpart filter is part of the query: the sender's pages hold only that conversation, none short before the end", async () => {
    const { ids } = await pageThrough(kz, `&with=${kg.user.id}`, 2);
    expect(ids).to.deep.equal([...toKg].sort().reverse());
    const all = await pageThrough(kz, '', 4);
    expect(all.ids).to.have.length(SAME_MS + Math.ceil(SAME_MS / 3));
    expect(new Set(all.ids).size).to.equal(all.ids.length);
  });

  it('`before` alone still pages by time (older messages only); beforeId without before is refused', async () => {
    t.clock.advance(5);
    const later = await sendOver(kz, kg, 'later');
    const newest = await history(kg, `with=${kz.user.id}&limit=1`);
    expect(newest.body.map((m) => m.id)).to.deep.equal([later]);
    const older = await history(
      kg,
      `with=${kz.user.id}&limit=100&before=${encodeURIComponent(newest.body[0]?.storedAt ?? '')}`,
    );
    expect(older.body.map((m) => m.id).sort()).to.deep.equal([...toKg].sort());
    const bad = await history(kg, `beforeId=${later}`);
    expect(bad.status).to.equal(400);
  });

  it("the SDK's history pages carry the cursor: following them shows every message once", async () => {
    const client = await sdkAs(t, kg);
    const box = sdkMessaging(t, client);
    try {
      const texts: string[] = [];
      let cursor: { before?: string; beforeId?: string } = {};
      for (let i = 0; i < 20; i++) {
        const page = await box.messenger.history({ with: kz.user.id, limit: 4, ...cursor });
        texts.push(...page.messages.map((m) => m.text));
        if (page.before === undefined) break;
        expect(page.beforeId).to.be.a('string');
        cursor = { before: page.before, ...(page.beforeId ? { beforeId: page.beforeId } : {}) };
      }
      const expected = ['later', ...Array.from({ length: SAME_MS }, (_, i) => `same ms ${i}`)];
      expect(texts).to.have.length(expected.length);
      expect([...texts].sort()).to.deep.equal([...expected].sort());
    } finally {
      box.messenger.stop();
      box.socket.close();
    }
  });
});
