import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage } from '../../../shared/schemas/messaging.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  type TestPerson,
} from '../../helpers/accounts.js';
import { socketOf } from '../../helpers/messaging.js';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server.js';
import { uniqueDbName } from '../../helpers/test-database.js';
import { startTestServer, type TestServer, type TestSocket } from '../../helpers/test-server.js';

const FETCHES_PER_SECOND = 20;

function fetchPage(socket: TestSocket): Promise<Ack<BacklogPage>> {
  return socket.timeout(10_000).emitWithAck('message:fetch', { limit: 10 }) as Promise<Ack<BacklogPage>>;
}

describe('socket rate limits per event', function () {
  this.timeout(60_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    // Configured low for this test (SOCKET_EVENT_LIMITS), so a flood is quick to make.
    t = await startTestServer({ SOCKET_EVENT_LIMITS: `message:fetch=${FETCHES_PER_SECOND}` });
    const root = await bootstrapNetworkAdmin(t);
    kz = await activeFocalPoint(t, await activeNationalAdmin(t, root, 'KZ'), ['border']);
    ru = await activeFocalPoint(t, await activeNationalAdmin(t, root, 'RU'), ['border']);
  });
  after(async () => t.close());

  it("refuses a flood of events from one socket with rate.limited, while another person's socket is served normally", async () => {
    const flooder = await socketOf(t, kz);
    const other = await socketOf(t, ru);
    const flood = Promise.all(Array.from({ length: 10 * FETCHES_PER_SECOND }, () => fetchPage(flooder)));
    const during = await Promise.all(Array.from({ length: 5 }, () => fetchPage(other)));
    const answers = await flood;

    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).to.be.greaterThan(0);
    for (const answer of refused)
      expect(answer).to.deep.equal({
        ok: false,
        error: { code: 'rate.limited', message: 'too many message:fetch events: wait and try again' },
      });
    // Within one second at most the allowance is served (a flood straddling two windows: twice it).
    expect(answers.length - refused.length).to.be.at.most(2 * FETCHES_PER_SECOND);
    for (const answer of during) expect(answer).to.deep.equal({ ok: true, data: { messages: [], more: false } });
    // The flooding socket stays connected, and is served again once its window has passed.
    expect(flooder.connected).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await fetchPage(flooder)).to.deep.equal({ ok: true, data: { messages: [], more: false } });
  });

  it('counts each kind of event on its own: a fetch flood leaves pings alone', async () => {
    const flooder = await socketOf(t, kz);
    await Promise.all(Array.from({ length: 3 * FETCHES_PER_SECOND }, () => fetchPage(flooder)));
    const pong = await flooder.timeout(10_000).emitWithAck('system:ping', { sentAt: 1 });
    expect(pong.ok).to.equal(true);
  });
});

describe('socket rate limits: configuration', function () {
  this.timeout(60_000);

  it('a start with a misnamed event in SOCKET_EVENT_LIMITS fails, naming it', async () => {
    let failure: unknown;
    await startTestServer({ SOCKET_EVENT_LIMITS: 'message:sned=5' }).then(
      (server) => server.close(),
      (error: unknown) => {
        failure = error;
      },
    );
    expect(String(failure)).to.match(/SOCKET_EVENT_LIMITS names unknown events: message:sned/);
  });
});

describe('socket rate limits across two nodes (counters in Redis)', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let kz: TestPerson;

  before(async () => {
    redis = await startTestRedis();
    const env = {
      REDIS_URL: redis.url,
      DB_NAME: uniqueDbName('limits'),
      JWT_SECRET: 'two-nodes-share-this-secret-of-40-chars!',
      SOCKET_EVENT_LIMITS: `message:fetch=${FETCHES_PER_SECOND}`,
    };
    a = await startTestServer(env);
    b = await startTestServer(env);
    const root = await bootstrapNetworkAdmin(a);
    kz = await activeFocalPoint(a, await activeNationalAdmin(a, root, 'KZ'), ['border']);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it("counts one account's events on every node together: sockets on two nodes share one allowance", async () => {
    const onA = await socketOf(a, kz);
    const onB = await socketOf(b, kz);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 2 * FETCHES_PER_SECOND }, (_, n) => fetchPage(n % 2 === 0 ? onA : onB)),
    );
    const served = answers.filter((answer) => answer.ok).length;
    // Each node counting alone would serve every one of them (its own allowance each).
    if (Date.now() - started < 1_000) expect(served).to.equal(FETCHES_PER_SECOND);
    else expect(served).to.be.at.most(2 * FETCHES_PER_SECOND);
    for (const answer of answers) if (!answer.ok) expect(answer.error.code).to.equal('rate.limited');
  });
});
