import { expect } from 'chai';
import { connectSocket, type FocalNetSocket } from '../../../client/sdk/index.js';
import type { Ack } from '../../../shared/errors.js';
import type { PingResponse } from '../../../shared/schemas/system.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { waitFor } from '../../helpers/barrier.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import { countingFetch, sdkRegister, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: socket helper', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  const sockets: FocalNetSocket[] = [];
  before(async () => {
    ({ t, root } = await startSdkNetwork());
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  const open = (person: SdkPerson): FocalNetSocket => {
    const socket = connectSocket(person.client, {
      socketOptions: { transports: ['websocket'], reconnectionDelay: 50 },
    });
    sockets.push(socket);
    return socket;
  };
  const ping = async (socket: FocalNetSocket): Promise<Ack<PingResponse>> =>
    socket.timeout(2_000).emitWithAck('system:ping', { sentAt: 1 });

  it('connects with the session token and answers events', async () => {
    const socket = open(root);
    await eventually(async () => socket.connected, 5_000, 'socket connected');
    expect(await ping(socket)).to.have.property('ok', true);
  });

  it('after the server drops it with an expired token, reconnects with a refreshed one', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'KG',
      displayName: 'Test',
    });
    const counting = countingFetch();
    const person = await sdkRegister(t, token, 'kg', { fetch: counting.fetch });
    await sdkSignIn(t, person);
    const socket = open(person);
    await eventually(async () => socket.connected, 5_000, 'socket connected');
    const firstRefreshToken = person.client.session.current()?.refreshToken;

    t.clock.advance(16 * 60_000);
    t.server.io.disconnectSockets(true); // as the gateway's expiry timer does
    await eventually(
      async () => socket.connected && counting.count('/api/auth/refresh') === 1,
      5_000,
      'reconnected after one refresh',
    );
    expect(person.client.session.current()?.refreshToken).to.not.equal(firstRefreshToken);
    expect(await ping(socket)).to.have.property('ok', true);
  });

  it('stays closed when the account is suspended (the refresh is refused)', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'TM',
      displayName: 'Test',
    });
    const person = await sdkRegister(t, token, 'tm');
    await sdkSignIn(t, person);
    const socket = open(person);
    await eventually(async () => socket.connected, 5_000, 'socket connected');
    const asked = await root.client.users.suspend(person.client.session.current()?.user.id ?? '', 'compromised key');
    await secondPersonApproves(t, root.client.session.current()?.accessToken, asked); // a national admin: two people
    await eventually(
      async () => !socket.connected && person.client.session.current() === undefined,
      5_000,
      'socket closed, session ended',
    );
    // Inactive: socket.io will not try again, and with the session gone the helper has no token to reconnect with.
    await waitFor(() => !socket.active, { what: 'the socket to give up reconnecting' });
    expect(socket.connected).to.equal(false);
  });
});
