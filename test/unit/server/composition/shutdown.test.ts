import { expect } from 'chai';
import type { Server as HttpServer } from 'node:http';
import pino from 'pino';
import { shutdownInOrder, type Running } from '../../../../server/composition/shutdown.js';
import type { Database } from '../../../../server/db/database.js';
import type { Gateway } from '../../../../server/realtime/gateway.js';
import { createDraining } from '../../../../server/system/draining.js';
import { createInFlight } from '../../../../server/system/in-flight.js';

/** Fakes of the parts a stop touches, each recording what was done to it, in order. */
function fakeRunning(steps: string[]): Running {
  const http = {
    close(done: () => void) {
      steps.push('http: stop listening');
      setImmediate(done);
    },
    closeIdleConnections: () => undefined,
  } as unknown as HttpServer;
  const io = {
    engine: {},
    local: { disconnectSockets: (close: boolean) => steps.push(`sockets: sent away (close=${close})`) },
    close: () => {
      steps.push('sockets: server closed');
      return Promise.resolve();
    },
  } as unknown as Gateway;
  const database = {
    close: () => {
      steps.push('database: closed');
      return Promise.resolve();
    },
  } as unknown as Database;
  return {
    http,
    io,
    database,
    redis: undefined,
    logger: pino({ level: 'silent' }),
    draining: createDraining(() => steps.push('draining')),
    inFlight: createInFlight(),
  };
}

describe('stopping a node in order (rolling restart)', () => {
  it('drains, stops listening, lets the socket events in progress answer, then sends sockets away and closes the database', async () => {
    const steps: string[] = [];
    const running = fakeRunning(steps);
    let finish: () => void = () => undefined;
    const inProgress = running.inFlight?.track(async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      steps.push('event: answered');
    });
    const stopped = shutdownInOrder(running)();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps, 'nothing is sent away while an event is in progress').to.deep.equal([
      'draining',
      'http: stop listening',
    ]);
    finish();
    await inProgress;
    await stopped;
    expect(steps).to.deep.equal([
      'draining',
      'http: stop listening',
      'event: answered',
      'sockets: sent away (close=true)',
      'sockets: server closed',
      'database: closed',
    ]);
    expect(running.draining?.active).to.equal(true);
  });
});
