import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import { CLIENT_EVENTS, SERVER_EVENTS } from '../../../shared/schemas/socket-events.js';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin } from '../../helpers/accounts.js';
import { envelopeFor, send, socketOf } from '../../helpers/messaging.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

interface AsyncApi {
  asyncapi: string;
  channels: Record<string, { messages: Record<string, { payload?: object }> }>;
  operations: Record<string, { action: string }>;
}

describe('the socket events described as AsyncAPI', function () {
  this.timeout(60_000);
  let t: TestServer;
  let doc: AsyncApi;

  before(async () => {
    t = await startTestServer();
    doc = (await fetch(`${t.url}/api/asyncapi.json`).then((r) => r.json())) as AsyncApi;
  });
  after(() => t.close());

  it('lists every event both ways, with its payload and, for client events, the acknowledgement', () => {
    expect(doc.asyncapi).to.equal('3.0.0');
    for (const name of Object.keys(CLIENT_EVENTS)) {
      expect(doc.operations[`send ${name}`]?.action, name).to.equal('send');
      expect(doc.channels[name]?.messages.request?.payload, name).to.be.an('object');
      expect(doc.channels[name]?.messages.acknowledgement?.payload, name).to.be.an('object');
    }
    for (const name of Object.keys(SERVER_EVENTS))
      expect(doc.operations[`receive ${name}`]?.action, name).to.equal('receive');
  });

  it('what the server really sends matches it: a message:new push and the message:send acknowledgement', async () => {
    const root = await bootstrapNetworkAdmin(t);
    const [kz, ru] = [
      await activeFocalPoint(t, await activeNationalAdmin(t, root, 'KZ')),
      await activeFocalPoint(t, await activeNationalAdmin(t, root, 'RU')),
    ];
    const sender = await socketOf(t, kz);
    const receiver = await socketOf(t, ru);
    const pushed = new Promise<DeliveredMessage>((resolve) => receiver.once('message:new', resolve));
    const answer = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { text: 'described' }) });
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const ackSchema = doc.channels['message:send']?.messages.acknowledgement?.payload ?? {};
    expect(ajv.validate(ackSchema, answer), JSON.stringify(ajv.errors)).to.equal(true);
    const pushSchema = doc.channels['message:new']?.messages.push?.payload ?? {};
    expect(ajv.validate(pushSchema, await pushed), JSON.stringify(ajv.errors)).to.equal(true);
    expect(ajv.validate(pushSchema, { id: 'not a message' }), 'a wrong payload fails').to.equal(false);
    sender.close();
    receiver.close();
  });
});
