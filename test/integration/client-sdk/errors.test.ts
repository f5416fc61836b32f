import { expect } from 'chai';
import { ApiError, createFocalNetClient } from '../../../client/sdk/index.js';
import { STRONG_PASSWORD, uniqueUsername } from '../../helpers/accounts.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { countingFetch, FAST_KDF, sdkClient, sdkRegister, type SdkPerson } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('client SDK: typed errors', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  before(async () => {
    ({ t, root } = await startSdkNetwork());
  });
  after(async () => t.close());

  it('sign-in: wrong password, then a missing and a wrong TOTP code', async () => {
    const client = sdkClient(t);
    const wrong = await failure(client.signIn({ username: root.username, password: 'wrong-password-here' }));
    expect(wrong).to.include({ status: 401, code: 'auth.invalid-credentials' });
    expect(wrong.requestId).to.be.a('string');
    expect(await failure(client.signIn({ username: root.username, password: root.password }))).to.include({
      status: 401,
      code: 'auth.totp-required',
    });
    expect(
      await failure(client.signIn({ username: root.username, password: root.password, totp: '000000' })),
    ).to.include({ status: 401, code: 'auth.totp-invalid' });
    expect(client.session.current()).to.equal(undefined);
  });

  it('validation errors carry the field issues; refusals carry their code', async () => {
    const invalid = await failure(
      root.client.invitations.create({ role: 'focal-point', state: 'kz', displayName: '' }),
    );
    expect(invalid).to.include({ status: 400, code: 'validation.failed' });
    expect(invalid.issues.map((issue) => issue.path.join('.'))).to.include.members(['body.state', 'body.displayName']);
    expect(
      await failure(root.client.invitations.create({ role: 'national-admin', state: 'FR', displayName: 'X' })),
    ).to.include({ status: 400, code: 'state.unknown' });
    // A network admin does not invite focal points: that is the national admin's job.
    expect(
      await failure(
        root.client.invitations.create({ role: 'focal-point', state: 'KZ', domains: ['border'], displayName: 'X' }),
      ),
    ).to.include({ status: 403, code: 'auth.forbidden' });
    expect(await failure(root.client.users.get('0123456789abcdef01234567'))).to.include({
      status: 404,
      code: 'user.not-found',
    });
    expect(await failure(sdkClient(t).me.get())).to.include({ status: 401, code: 'auth.unauthenticated' });
  });

  it('registration: weak password (server), short password (checked locally, nothing sent), used invitation', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'MN',
      displayName: 'Bat-Erdene',
    });
    const counting = countingFetch();
    const client = sdkClient(t, { fetch: counting.fetch });
    const short = await failure(
      client.registerWithInvitation({ token, username: uniqueUsername('mn'), password: 'short', kdfLimits: FAST_KDF }),
    );
    expect(short).to.include({ status: 400, code: 'validation.failed' });
    expect(short.issues[0]?.path).to.deep.equal(['body', 'password']);
    expect(counting.count('/api/registrations')).to.equal(0);

    const weak = await failure(
      client.registerWithInvitation({
        token,
        username: uniqueUsername('mn'),
        password: 'password1234',
        kdfLimits: FAST_KDF,
      }),
    );
    expect(weak).to.include({ status: 400, code: 'password.weak' });
    expect(weak.message).to.match(/too easy to guess/);
    expect(client.keyStore.get()).to.equal(undefined);

    await sdkRegister(t, token, 'mn');
    const used = await failure(
      client.registerWithInvitation({
        token,
        username: uniqueUsername('mn'),
        password: STRONG_PASSWORD,
        kdfLimits: FAST_KDF,
      }),
    );
    expect(used).to.include({ status: 410, code: 'invitation.invalid' });
  });

  it('no server and a non-JSON or off-schema answer are typed too', async () => {
    const unreachable = createFocalNetClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(await failure(unreachable.invitations.preview('x'.repeat(43)))).to.include({
      status: 0,
      code: 'client.network',
    });
    const proxyPage = createFocalNetClient({
      baseUrl: t.url,
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    expect(await failure(proxyPage.invitations.preview('x'.repeat(43)))).to.include({
      status: 502,
      code: 'client.bad-response',
    });
    const offSchema = createFocalNetClient({ baseUrl: t.url, fetch: async () => Response.json({ role: 'emperor' }) });
    expect(await failure(offSchema.invitations.preview('x'.repeat(43)))).to.include({
      status: 200,
      code: 'client.bad-response',
    });
  });
});
