import { expect } from 'chai';
import { HealthResponse, ReadyResponse } from '../../../shared/schemas/system.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('HTTP basics', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ BODY_LIMIT_KB: '4' });
  });
  after(async () => t.close());

  it('GET /api/health answers that the process is alive', async () => {
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).to.equal(200);
    const body = HealthResponse.parse(await response.json());
    expect(body.status).to.equal('ok');
  });

  it('GET /api/ready answers 200 when the database answers', async () => {
    const response = await fetch(`${t.url}/api/ready`);
    expect(response.status).to.equal(200);
    const body = ReadyResponse.parse(await response.json());
    expect(body).to.deep.include({ status: 'ready' });
    expect(body.database).to.deep.include({ kind: 'mongodb', state: 'up' });
  });

  it('GET /api/openapi.json describes every route, generated from the schemas', async () => {
    const response = await fetch(`${t.url}/api/openapi.json`);
    expect(response.status).to.equal(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).to.equal('3.1.0');
    expect(Object.keys(doc.paths)).to.include.members(['/api/health', '/api/ready', '/api/openapi.json']);
    const readySchema = JSON.stringify(doc.paths['/api/ready']?.get?.responses['200']);
    expect(readySchema).to.contain('not-ready'); // the enum came from the zod schema
  });

  it('unknown API routes answer 404 with an error code', async () => {
    const response = await fetch(`${t.url}/api/no-such-thing`);
    expect(response.status).to.equal(404);
    expect(await response.json()).to.have.nested.property('error.code', 'http.not-found');
  });

  it('a known path asked with a method it does not take answers 405 with the methods it takes', async () => {
    const response = await fetch(`${t.url}/api/health`, { method: 'DELETE' });
    expect(response.status).to.equal(405);
    expect(response.headers.get('allow')).to.equal('GET');
    expect(await response.json()).to.have.nested.property('error.code', 'http.method-not-allowed');
    const templated = await fetch(`${t.url}/api/liveness-checks/0123456789abcdef01234567`, { method: 'PUT' });
    expect(templated.status).to.equal(405);
  });

  it('malformed JSON answers 400 http.bad-json without internals', async () => {
    const response = await fetch(`${t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(response.status).to.equal(400);
    const text = await response.text();
    expect(JSON.parse(text)).to.have.nested.property('error.code', 'http.bad-json');
    expect(text).not.to.match(/SyntaxError|at .*\.js|node_modules/);
  });

  it('a body whose content-encoding does not match its bytes answers 400 with the error shape, logged as no fault of the server', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await fetch(`${t.url}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{}',
      });
      expect(response.status, encoding).to.equal(400);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code, encoding).to.equal('http.bad-json');
      expect(body.error.requestId).to.be.a('string');
    }
    expect(t.logs.lines().filter((entry) => entry.level === 50 && entry.msg === 'unexpected error')).to.deep.equal([]);
  });

  it('a body over the limit answers 413', async () => {
    const response = await fetch(`${t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(8 * 1024) }),
    });
    expect(response.status).to.equal(413);
    expect(await response.json()).to.have.nested.property('error.code', 'http.payload-too-large');
  });

  it('every response carries a request id (echoing a well-formed incoming one) and security headers', async () => {
    const response = await fetch(`${t.url}/api/health`, { headers: { 'x-request-id': 'abcdef12-3456' } });
    expect(response.headers.get('x-request-id')).to.equal('abcdef12-3456');
    expect(response.headers.get('x-powered-by')).to.equal(null);
    expect(response.headers.get('content-security-policy')).to.contain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');

    const injected = await fetch(`${t.url}/api/health`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(injected.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it("API answers, errors included, are never cached; the web client's files may be", async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/no-such-route']) {
      expect((await fetch(`${t.url}${path}`)).headers.get('cache-control'), path).to.equal('no-store');
    }
    const refused = await fetch(`${t.url}/api/me`);
    expect(refused.status).to.equal(401);
    expect(refused.headers.get('cache-control')).to.equal('no-store');
    const malformed = await fetch(`${t.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"not json',
    });
    expect(malformed.status).to.equal(400);
    expect(malformed.headers.get('cache-control')).to.equal('no-store');
    expect((await fetch(`${t.url}/`)).headers.get('cache-control')).not.to.equal('no-store');
  });

  it('logs carry no request headers (credentials never reach the logs)', async () => {
    await fetch(`${t.url}/api/nope`, { headers: { authorization: 'Bearer secret-token-value' } });
    expect(t.logs.text()).not.to.contain('secret-token-value');
    const line = t.logs.lines().find((entry) => (entry.req as { url?: string } | undefined)?.url === '/api/nope');
    expect(line?.res).to.deep.equal({ statusCode: 404 });
    expect(line?.level).to.equal(30); // info: a client error, not the server's
    expect(line?.responseTime).to.be.a('number');
    expect((line?.req as { id?: string }).id).to.match(/^[0-9a-f-]{36}$/);
  });
});
