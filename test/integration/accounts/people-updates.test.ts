import { expect } from 'chai';
import type { PersonUpdatedEvent } from '../../../shared/schemas/accounts.js';
import {
  activate,
  activeFocalPoint,
  clientKeyMaterial,
  invite,
  reauthFor,
  registerWithToken,
  type TestPerson,
} from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { flushed } from '../../helpers/barrier.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';

/**
 * The admins responsible for a person hear of them as they register, are verified, suspended or
 * change keys (people:updated), so the verification queue follows; nobody else does.
 */
describe('people:updated: the responsible admins hear of the people they verify', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let tj: TestPerson;
  const heard = new Map<string, PersonUpdatedEvent[]>();
  const sockets: TestSocket[] = [];

  before(async () => {
    const net = await startNetwork({ states: { KZ: {}, TJ: {} } });
    ({ t, root } = net);
    [kz, tj] = [net.admin('KZ'), net.admin('TJ')];
    for (const [name, person] of Object.entries({ root, kz, tj })) {
      const socket = await socketOf(t, person);
      heard.set(name, []);
      socket.on('people:updated', (event) => heard.get(name)?.push(event));
      sockets.push(socket);
    }
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  const of = (name: string, id: string): string[] =>
    (heard.get(name) ?? []).filter((e) => e.id === id).map((e) => e.status);

  it("a focal point's registration, verification and suspension reach their state's national admins only", async () => {
    const { token } = await invite(t, kz, {
      role: 'focal-point',
      state: 'KZ',
      domains: ['border'],
      displayName: 'Newcomer',
    });
    const newcomer = await registerWithToken(t, token);
    await eventually(async () => of('kz', newcomer.user.id).length === 1, 5_000, 'the registration heard by KZ');
    await activate(t, kz, newcomer);
    await eventually(async () => of('kz', newcomer.user.id).length === 2, 5_000, 'the verification heard by KZ');
    const suspended = await call(t.url, 'POST', `/api/users/${newcomer.user.id}/suspend`, {
      token: kz.session?.accessToken,
      body: { reason: 'left the service' },
    });
    expect(suspended.status).to.equal(200);
    await eventually(async () => of('kz', newcomer.user.id).length === 3, 5_000, 'the suspension heard by KZ');
    await flushed(...sockets); // a stray event would have come before the answer to this
    expect(of('kz', newcomer.user.id)).to.deep.equal(['pending-verification', 'active', 'suspended']);
    expect(of('tj', newcomer.user.id), 'another state').to.deep.equal([]);
    expect(of('root', newcomer.user.id), 'the secretariat does not verify focal points').to.deep.equal([]);
  });

  it('a focal point who changes keys is heard of as waiting for verification again', async () => {
    const person = await activeFocalPoint(t, tj);
    const material = await clientKeyMaterial(person.username);
    const rotated = await call(t.url, 'POST', '/api/me/keys', {
      token: person.session?.accessToken,
      body: {
        keys: material.bundle,
        wrappedKeys: material.wrappedKeys,
        reauth: await reauthFor(t, person.session?.accessToken, person),
      },
    });
    expect(rotated.status).to.equal(200);
    await eventually(
      async () => of('tj', person.user.id).at(-1) === 'pending-verification' && of('tj', person.user.id).length === 3,
      5_000,
      'the key change heard by TJ',
    );
    expect(of('tj', person.user.id)).to.deep.equal(['pending-verification', 'active', 'pending-verification']);
    expect(of('kz', person.user.id)).to.deep.equal([]);
  });

  it("a national admin's registration reaches the secretariat, not other states' admins", async () => {
    const { token } = await invite(t, root, { role: 'national-admin', state: 'UZ', displayName: 'Admin UZ' });
    const admin = await registerWithToken(t, token);
    await eventually(
      async () => of('root', admin.user.id).length === 1,
      5_000,
      'the registration heard by the secretariat',
    );
    await flushed(...sockets);
    expect(of('root', admin.user.id)).to.deep.equal(['pending-verification']);
    expect(of('kz', admin.user.id)).to.deep.equal([]);
    expect(of('tj', admin.user.id)).to.deep.equal([]);
  });
});
