import { expect } from 'chai';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('content security policy', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  it("lets the web client compile WebAssembly (libsodium) and nothing more: no 'unsafe-eval', no remote scripts", async () => {
    const csp = (await fetch(`${t.url}/`)).headers.get('content-security-policy') ?? '';
    const scriptSrc = csp
      .split(';')
      .find((directive) => directive.trim().startsWith('script-src '))
      ?.trim();
    expect(scriptSrc).to.equal("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.to.contain("'unsafe-eval'");
    expect(csp).to.contain("default-src 'self'");
    expect(csp).to.contain("object-src 'none'");
  });
});
