import { expect } from 'chai';
import { ApiError } from '../../../../../client/sdk/api-error.js';
import { messagesApi } from '../../../../../client/sdk/api/messages-api.js';
import type { FetchLike } from '../../../../../client/sdk/http-transport.js';
import type { SessionManager } from '../../../../../client/sdk/session-manager.js';

const ID = '0123456789abcdef01234567';
const session = {
  accessToken: () => Promise.resolve('token'),
  refresh: () => Promise.resolve(),
} as unknown as SessionManager;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch answering from a script, one step per call (a step that is an Error is thrown), recording each call's body. */
function scriptedFetch(steps: Array<Response | Error>): { fetch: FetchLike; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const fetch: FetchLike = (_url, init) => {
    bodies.push(init?.body);
    const step = steps.shift();
    if (!step) throw new Error('more calls than the script has');
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  return { fetch, bodies };
}

describe('SDK: attachment transfers through a node that is stopping', function () {
  this.timeout(20_000);
  const ciphertext = new Uint8Array([1, 2, 3]);

  it('an upload the proxy answered 502 or 504, or whose connection dropped, is sent again, the same bytes', async () => {
    const { fetch, bodies } = scriptedFetch([
      json(502, {}),
      new TypeError('fetch failed'),
      json(504, {}),
      json(201, { id: ID, size: 3 }),
    ]);
    const uploaded = await messagesApi('https://focalnet.test', fetch, session).uploadAttachment(ciphertext);
    expect(uploaded).to.deep.equal({ id: ID, size: 3 });
    expect(bodies).to.have.length(4);
    for (const body of bodies) expect(body).to.equal(ciphertext);
  });

  it('gives up after four tries with the last answer', async () => {
    const { fetch, bodies } = scriptedFetch([
      json(503, {}),
      json(503, {}),
      json(503, {}),
      json(503, { error: { code: 'server.draining', message: 'this server is stopping: try again' } }),
    ]);
    const failure = await messagesApi('https://focalnet.test', fetch, session)
      .uploadAttachment(ciphertext)
      .catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(ApiError);
    expect((failure as ApiError).status).to.equal(503);
    expect(bodies).to.have.length(4);
  });

  it('a refusal is not repeated: the server read the upload and said no', async () => {
    const { fetch, bodies } = scriptedFetch([
      json(413, { error: { code: 'http.payload-too-large', message: 'attachments are limited to 50 MB' } }),
    ]);
    const failure = await messagesApi('https://focalnet.test', fetch, session)
      .uploadAttachment(ciphertext)
      .catch((error: unknown) => error);
    expect((failure as ApiError).code).to.equal('http.payload-too-large');
    expect(bodies).to.have.length(1);
  });
});
