import { expect } from 'chai';
import { logKey } from '../../../server/modules/audit/log-key.js';
import { snapshotSigner } from '../../../server/modules/directory/snapshot-signer.js';
import { memoryAuditHeadStore, type AuditHeadStore } from '../../../client/sdk/index.js';
import { KeyTransitionsResponse } from '../../../shared/crypto/key-transition-format.js';
import { endorsedKeysFrom } from '../../../shared/crypto/verify-key-transition.js';
import { cliAudit, cliVerify } from '../../helpers/audit-cli.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { sdkClient, sdkTotp, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const JWT = 'j'.repeat(40);
const FIRST = 'f'.repeat(40);
const SECOND = 's'.repeat(40);
const LEAKED_REPLACEMENT = 'r'.repeat(40);

/** A client of `person` over `store` (as a browser keeps its pins), signed in; the audit log verdict. */
async function signInWith(t: TestServer, person: SdkPerson, store: AuditHeadStore) {
  const client = sdkClient(t, { auditHeads: store });
  const totp = person.totpSecret ? await sdkTotp(t, person.totpSecret) : undefined;
  await client.signIn({ username: person.username, password: person.password, ...(totp ? { totp } : {}) });
  return (await client.auditLog.settled())!;
}

describe('Renewing the signing keys: the old keys endorse the new, clients follow, the log still verifies', function () {
  this.timeout(240_000);
  let t: TestServer;
  afterEach(async () => t?.close());

  /** Stops `t` and starts a server on its database with these settings (same port). */
  const restartWith = async (env: Record<string, string>): Promise<TestServer> => {
    const dbName = t.server.database.connection.name;
    const port = new URL(t.url).port;
    const stoppedAt = t.clock.now().getTime();
    await t.close();
    const next = await startTestServer({ JWT_SECRET: JWT, DB_NAME: dbName, PORT: port, ...env });
    next.clock.advance(Math.max(0, stoppedAt - next.clock.now().getTime()));
    return next;
  };

  /** A server on the first signing secret, and a focal point whose client pinned its audit log key. */
  const focalPointWhoPinnedFirstKeys = async (): Promise<{ fp: SdkMember; store: AuditHeadStore }> => {
    const net = await startSdkNetwork({
      states: { KZ: { focalPoints: { border: 1 } } },
      env: { JWT_SECRET: JWT, SIGNING_KEY_SECRET: FIRST },
    });
    t = net.t;
    const fp = net.focalPoint('KZ');
    const store = memoryAuditHeadStore();
    expect(await signInWith(t, fp, store)).to.deep.include({ ok: true, checkedFrom: null });
    expect((await store.load(fp.id))?.logKey).to.equal(logKey(FIRST).publicKey);
    return { fp, store };
  };

  it('a renewal: refused without the previous secret, endorsed with it; a client that pinned the old key follows; audit:verify passes', async () => {
    const { fp, store } = await focalPointWhoPinnedFirstKeys();

    // A new secret alone: the node refuses to start rather than sign heads no client can trace.
    const dbName = t.server.database.connection.name;
    await t.close();
    let refusal: unknown;
    try {
      await startTestServer({ JWT_SECRET: JWT, DB_NAME: dbName, SIGNING_KEY_SECRET: SECOND });
    } catch (error) {
      refusal = error;
    }
    expect(String(refusal)).to.include('SIGNING_KEY_SECRET gives keys this deployment has never signed with');
    expect(String(refusal)).to.include('SIGNING_KEY_PREVIOUS_SECRET');

    // With the previous secret: renewed, endorsed by the old keys, audited.
    t = await startTestServer({
      JWT_SECRET: JWT,
      DB_NAME: dbName,
      SIGNING_KEY_SECRET: SECOND,
      SIGNING_KEY_PREVIOUS_SECRET: FIRST,
    });
    expect(t.logs.text()).to.include('signing keys renewed');
    const { transitions } = KeyTransitionsResponse.parse(
      await (await fetch(`${t.url}/api/directory/key-transitions`)).json(),
    );
    expect(transitions.map((tr) => tr.purpose).sort()).to.deep.equal(['audit-log', 'directory']);
    expect(await endorsedKeysFrom(snapshotSigner(FIRST).publicKey, transitions, 'directory')).to.deep.equal([
      snapshotSigner(FIRST).publicKey,
      snapshotSigner(SECOND).publicKey,
    ]);
    const renewals = [];
    for await (const segment of t.server.auditEntries.allSegments())
      renewals.push(...segment.entries.filter((entry) => entry.type === 'system.signing-keys-renewed'));
    expect(renewals.map((entry) => entry.data)).to.deep.equal([
      {
        generation: 2,
        directoryKey: snapshotSigner(SECOND).publicKey,
        auditLogKey: logKey(SECOND).publicKey,
        previousDirectoryKey: snapshotSigner(FIRST).publicKey,
        previousAuditLogKey: logKey(FIRST).publicKey,
      },
    ]);

    // The client that pinned the first key checks the log at its next sign-in: it follows the renewal.
    expect(await signInWith(t, fp, store)).to.deep.include({ ok: true });
    expect((await store.load(fp.id))?.logKey).to.equal(logKey(SECOND).publicKey);

    // Restarted later without the previous secret (removed once every node has the new one): nothing to do.
    t = await restartWith({ SIGNING_KEY_SECRET: SECOND });
    const verified = await cliVerify(t, [], { JWT_SECRET: JWT, SIGNING_KEY_SECRET: SECOND });
    expect(verified.code, verified.out).to.equal(0);
    expect(verified.out).to.include('2 generations');
    const listed = await cliAudit(t, 'signing-keys', [], { JWT_SECRET: JWT, SIGNING_KEY_SECRET: SECOND });
    expect(listed.code, listed.out).to.equal(0);
    expect(listed.out).to.include('generation 2').and.include('renewed, endorsed by the generation before');
    // The first secret alone no longer starts anything: it is not the key in force.
    const stale = await cliVerify(t, [], { JWT_SECRET: JWT, SIGNING_KEY_SECRET: FIRST });
    expect(stale.code).to.equal(1);
    expect(stale.out).to.include('never signed with');
  });

  it('a replacement after a leak: recorded by the CLI with a reason, not followed by clients (they report it), noted by audit:verify', async () => {
    const { fp, store } = await focalPointWhoPinnedFirstKeys();
    const dbName = t.server.database.connection.name;
    const port = new URL(t.url).port;
    await t.close();

    const usage = await cliAudit(t, 'signing-keys:replace', [], {
      JWT_SECRET: JWT,
      SIGNING_KEY_SECRET: LEAKED_REPLACEMENT,
    });
    expect(usage.code).to.equal(1);
    expect(usage.out).to.include('--reason');
    const replaced = await cliAudit(t, 'signing-keys:replace', ['--reason', 'the secret was on a lost laptop'], {
      JWT_SECRET: JWT,
      SIGNING_KEY_SECRET: LEAKED_REPLACEMENT,
    });
    expect(replaced.code, replaced.out).to.equal(0);
    expect(replaced.out).to.include('generation 2').and.include('NOT endorsed');

    t = await startTestServer({ JWT_SECRET: JWT, DB_NAME: dbName, PORT: port, SIGNING_KEY_SECRET: LEAKED_REPLACEMENT });
    // Nobody endorsed the new key: the client cannot tell it from tampering, and says so.
    expect(await signInWith(t, fp, store)).to.deep.include({ ok: false, kind: 'bad-signature' });
    expect((await store.load(fp.id))?.logKey).to.equal(logKey(FIRST).publicKey);
    const verified = await cliVerify(t, [], { JWT_SECRET: JWT, SIGNING_KEY_SECRET: LEAKED_REPLACEMENT });
    expect(verified.code, verified.out).to.equal(0);
    expect(verified.out).to.include('replaced the keys without their endorsement').and.include('lost laptop');
  });
});
