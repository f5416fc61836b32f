import { expect } from 'chai';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  signInCall,
  totpCode,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * The sign-in allowance (5 failures per username and address) holds however many attempts run at
 * once: each is counted before it is evaluated, in one atomic step. With the counters in Redis (as
 * with several nodes) every check is a round trip, so a check-then-count would let a burst through.
 */
describe('sign-in limits under concurrent bursts (counters in Redis)', function () {
  this.timeout(120_000);
  let redis: TestRedis;
  let t: TestServer;
  let kzAdmin: TestPerson;

  before(async () => {
    redis = await startTestRedis();
    t = await startTestServer({ REDIS_URL: redis.url });
    kzAdmin = await activeNationalAdmin(t, await bootstrapNetworkAdmin(t), 'KZ');
  });
  after(async () => {
    await t?.close();
    await redis?.stop();
  });

  const statuses = (results: Array<{ status: number; body: unknown }>): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const r of results) {
      const key = `${r.status} ${(r.body as { error?: { code?: string } } | undefined)?.error?.code ?? ''}`.trim();
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };

  it('12 wrong passwords at once: at most 5 are evaluated, the rest answer 429', async () => {
    const fp = await activeFocalPoint(t, kzAdmin);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        signInCall(t.url, { username: fp.username, password: 'a-wrong-password-guess' }),
      ),
    );
    const counts = statuses(results);
    expect(counts['401 auth.invalid-credentials'] ?? 0, JSON.stringify(counts)).to.be.at.most(5);
    expect(counts['429 rate.limited'] ?? 0, JSON.stringify(counts)).to.be.at.least(7);
  });

  it('40 wrong authenticator codes at once with the right password: at most 5 are evaluated', async () => {
    if (!kzAdmin.totpSecret) throw new Error('the admin has no second factor');
    const wrongCode = async (): Promise<string> => {
      const right = await totpCode(t, kzAdmin.totpSecret ?? '');
      return String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    };
    const codes = await Promise.all(Array.from({ length: 40 }, wrongCode));
    const results = await Promise.all(
      codes.map((totp) => signInCall(t.url, { username: kzAdmin.username, password: kzAdmin.password, totp })),
    );
    const counts = statuses(results);
    const evaluated = results.length - (counts['429 rate.limited'] ?? 0);
    expect(evaluated, JSON.stringify(counts)).to.be.at.most(5);
    expect(counts['200'] ?? 0, 'no guess got in').to.equal(0);
  });
});
