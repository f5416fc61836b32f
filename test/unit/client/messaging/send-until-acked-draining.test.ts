import { expect } from 'chai';
import type { FocalNetSocket } from '../../../../client/sdk/index.js';
import { sendUntilAcked } from '../../../../client/sdk/messaging/send-until-acked.js';
import type { SendMessageInput } from '../../../../shared/schemas/messaging.js';

/** A socket whose message:send answers are scripted; it records what each attempt sent. */
function scriptedSocket(answers: unknown[], sent: unknown[]): FocalNetSocket {
  return {
    timeout: () => ({
      emitWithAck: (_event: string, input: unknown) => {
        sent.push(input);
        return Promise.resolve(answers.shift());
      },
    }),
  } as unknown as FocalNetSocket;
}

describe('SDK: a send refused by a stopping node', () => {
  it('is sent again with the very same envelope until a node acknowledges it', async () => {
    const sent: unknown[] = [];
    const draining = { ok: false, error: { code: 'server.draining', message: 'this server is stopping: try again' } };
    const socket = scriptedSocket([draining, draining, { ok: true, data: { id: 'm1', status: 'accepted' } }], sent);
    const input = { envelope: { header: { msgId: 'same-id' } }, attachmentIds: [] } as unknown as SendMessageInput;
    expect(await sendUntilAcked(socket, input, { retryDelayMs: 1 })).to.deep.equal({ id: 'm1', status: 'accepted' });
    expect(sent).to.have.length(3);
    for (const attempt of sent) expect(attempt).to.equal(input);
  });
});
