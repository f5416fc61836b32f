import { expect } from 'chai';
import { readRepoFile } from './repo-files.js';
import { locationBlocks, renderTemplate, templateDirectives, templateVariables } from './nginx-template.js';

/** The names the template may use (the contract of issue #24); compose and the tests give them all. */
const TEMPLATE_VARIABLES = [
  'FOCALNET_NODE_1',
  'FOCALNET_NODE_2',
  'FOCALNET_PUBLIC_ORIGIN',
  'HTTP_PORT',
  'HTTPS_PORT',
  'TLS_CERT',
  'TLS_KEY',
];

const LOOPBACK_VALUES: Record<string, string> = {
  FOCALNET_NODE_1: '127.0.0.1:41001',
  FOCALNET_NODE_2: '127.0.0.1:41002',
  FOCALNET_PUBLIC_ORIGIN: 'https://127.0.0.1:41443',
  HTTP_PORT: '41080',
  HTTPS_PORT: '41443',
  TLS_CERT: '/tmp/focalnet-test/cert.pem',
  TLS_KEY: '/tmp/focalnet-test/key.pem',
};

describe('deploy/nginx/focalnet.conf.template', () => {
  const template = readRepoFile('deploy/nginx/focalnet.conf.template');
  const rendered = templateDirectives(renderTemplate(template, LOOPBACK_VALUES));
  const locations = locationBlocks(rendered);

  it('uses exactly the variables of the contract', () => {
    expect(templateVariables(template)).to.have.members(TEMPLATE_VARIABLES);
  });

  it('renders completely with loopback values and leaves nginx variables alone', () => {
    expect(rendered).to.not.include('${');
    expect(rendered).to.include('server 127.0.0.1:41001');
    expect(rendered).to.include('listen 41443 ssl');
    expect(rendered).to.include('ssl_certificate     /tmp/focalnet-test/cert.pem;');
    expect(rendered).to.include('return 301 https://127.0.0.1:41443$request_uri;');
    expect(rendered).to.include('hash $remote_addr consistent;');
  });

  it('passes the client address, scheme and request id to the nodes from every proxied location', () => {
    // A location with a proxy_set_header of its own inherits none from the server block.
    const proxied = [...locations].filter(([, body]) => body.includes('proxy_pass'));
    expect(proxied.map(([path]) => path)).to.have.members(['/socket.io/', '/']);
    for (const [path, body] of proxied) {
      for (const header of ['Host', 'X-Forwarded-For', 'X-Forwarded-Proto', 'X-Request-Id']) {
        expect(body, `${path} sets ${header}`).to.match(new RegExp(`proxy_set_header\\s+${header}\\s`));
      }
    }
  });

  it('pins socket.io by client address with WebSocket upgrades, and spreads the rest with a retry on 503', () => {
    const socket = locations.get('/socket.io/') ?? '';
    expect(socket).to.include('proxy_pass http://focalnet_socket;');
    expect(socket).to.match(/proxy_set_header\s+Upgrade\s+\$http_upgrade;/);
    const api = locations.get('/') ?? '';
    expect(api).to.include('proxy_pass http://focalnet_api;');
    expect(api).to.match(/proxy_next_upstream\s+[^;]*http_503/);
    expect(rendered).to.match(/upstream focalnet_socket \{\s*hash \$remote_addr consistent;/);
  });

  it('never serves /metrics through the public proxy', () => {
    expect(locations.get('= /metrics')?.trim()).to.equal('return 404;');
  });
});
