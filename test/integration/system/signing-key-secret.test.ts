import { expect } from 'chai';
import { logKey } from '../../../server/modules/audit/log-key.js';
import { snapshotSigner } from '../../../server/modules/directory/snapshot-signer.js';
import { signIn } from '../../helpers/accounts.js';
import { cliVerify } from '../../helpers/audit-cli.js';
import { populateNetwork } from '../../helpers/network.js';
import { uniqueDbName } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const JWT_A = 'a'.repeat(40);
const JWT_B = 'b'.repeat(40);
const SIGNING = 's'.repeat(40);

/** The two keys clients pin, as the server publishes them. */
async function publishedKeys(t: TestServer): Promise<{ auditLog: string; directory: string }> {
  const read = async (path: string): Promise<string> =>
    ((await (await fetch(`${t.url}${path}`)).json()) as { publicKey: string }).publicKey;
  return { auditLog: await read('/api/directory/audit-log-key'), directory: await read('/api/directory/signing-key') };
}

describe('SIGNING_KEY_SECRET: the pinned keys apart from the JWT secret', function () {
  this.timeout(120_000);
  const open: TestServer[] = [];
  const start = async (env: Record<string, string>): Promise<TestServer> => {
    const t = await startTestServer(env);
    open.push(t);
    return t;
  };
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('unset, the keys come from JWT_SECRET, as they did before the setting existed', async () => {
    const t = await start({ JWT_SECRET: JWT_A });
    expect(await publishedKeys(t)).to.deep.equal({
      auditLog: logKey(JWT_A).publicKey,
      directory: snapshotSigner(JWT_A).publicKey,
    });
  });

  it('set, a rotated JWT secret leaves both keys and the whole log as every client knew them', async () => {
    const dbName = uniqueDbName('signing');
    const before = await start({ JWT_SECRET: JWT_A, SIGNING_KEY_SECRET: SIGNING, DB_NAME: dbName });
    const { root } = await populateNetwork(before, { states: { KZ: {} } }); // heads signed under the first JWT secret
    const oldToken = root.session?.accessToken ?? (await signIn(before, root)).accessToken;
    const keys = await publishedKeys(before);
    expect(keys).to.deep.equal({
      auditLog: logKey(SIGNING).publicKey,
      directory: snapshotSigner(SIGNING).publicKey,
    });
    expect(keys.auditLog).to.not.equal(logKey(JWT_A).publicKey);
    await open.splice(0)[0]?.close();

    const after = await start({ JWT_SECRET: JWT_B, SIGNING_KEY_SECRET: SIGNING, DB_NAME: dbName });
    expect(await publishedKeys(after)).to.deep.equal(keys);
    // Tokens signed with the old JWT secret are refused; signing in again works (and appends to the log).
    const refused = await fetch(`${after.url}/api/me`, { headers: { authorization: `Bearer ${oldToken}` } });
    expect(refused.status).to.equal(401);
    const renewed = await signIn(after, root);
    const me = await fetch(`${after.url}/api/me`, { headers: { authorization: `Bearer ${renewed.accessToken}` } });
    expect(me.status).to.equal(200);

    const verified = await cliVerify(after, [], { JWT_SECRET: JWT_B, SIGNING_KEY_SECRET: SIGNING });
    expect(verified.code, verified.out).to.equal(0);
    // Without the signing secret the keys would be JWT_B's, which never signed here: refused.
    const withoutIt = await cliVerify(after, [], { JWT_SECRET: JWT_B });
    expect(withoutIt.code, withoutIt.out).to.equal(1);
    expect(withoutIt.out).to.include('SIGNING_KEY_SECRET gives keys this deployment has never signed with');
  });
});
