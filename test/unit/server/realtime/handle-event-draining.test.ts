import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { z } from 'zod';
import type { Ack } from '../../../../shared/errors.js';
import { createEventLimiter } from '../../../../server/realtime/event-limits.js';
import type { GatewaySocket } from '../../../../server/realtime/gateway-types.js';
import { handleEvent, type EventContext } from '../../../../server/realtime/handle-event.js';
import { createDraining } from '../../../../server/system/draining.js';
import { createInFlight } from '../../../../server/system/in-flight.js';
import type { User } from '../../../../server/modules/accounts/ports/users.js';

/** A socket as handleEvent uses it: `on` and the session in `data`. */
function fakeSocket(): GatewaySocket & EventEmitter {
  const socket = new EventEmitter() as GatewaySocket & EventEmitter;
  Object.assign(socket, { data: { user: { id: 'u1' } }, disconnect: () => socket });
  return socket;
}

describe('socket events while a node drains', () => {
  const actor = { id: 'u1' } as User;
  const setup = () => {
    const draining = createDraining();
    const inFlight = createInFlight();
    const context: EventContext = {
      logger: pino({ level: 'silent' }),
      limits: createEventLimiter({}),
      revalidate: () => Promise.resolve(actor),
      draining,
      inFlight,
    };
    let release: () => void = () => undefined;
    const handled: number[] = [];
    const socket = fakeSocket();
    handleEvent(socket, context, 'system:ping', z.object({ sentAt: z.number() }), async (input) => {
      handled.push(input.sentAt);
      await new Promise<void>((resolve) => (release = resolve));
      return { sentAt: input.sentAt, serverTime: 0 };
    });
    const emit = (sentAt: number): Promise<Ack<unknown>> =>
      new Promise((resolve) => socket.emit('system:ping', { sentAt }, resolve));
    return { draining, inFlight, handled, emit, release: () => release() };
  };

  it('counts an event in progress until it has answered; idle() waits for it', async () => {
    const { inFlight, emit, release, handled } = setup();
    const answer = emit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).to.deep.equal([1]);
    expect(inFlight.count).to.equal(1);
    let idle = false;
    const waited = inFlight.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle, 'idle before the handler finished').to.equal(false);
    release();
    expect(await answer).to.deep.equal({ ok: true, data: { sentAt: 1, serverTime: 0 } });
    await waited;
    expect(inFlight.count).to.equal(0);
  });

  it('once draining, refuses a new event as retryable without running its handler', async () => {
    const { draining, emit, handled, inFlight } = setup();
    draining.start();
    const answer = await emit(2);
    expect(answer).to.deep.include({ ok: false });
    expect((answer as { error: { code: string } }).error.code).to.equal('server.draining');
    expect(handled).to.deep.equal([]);
    expect(inFlight.count).to.equal(0);
  });

  it('calls the draining hook once, however often draining starts', () => {
    let calls = 0;
    const draining = createDraining(() => (calls += 1));
    expect(draining.active).to.equal(false);
    draining.start();
    draining.start();
    expect(draining.active).to.equal(true);
    expect(calls).to.equal(1);
  });
});
