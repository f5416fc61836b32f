import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../../server/config.js';
import { addressPolicy, isCidr } from '../../../../server/system/outbound/address-policy.js';

describe('outbound address policy (server-side request forgery)', () => {
  const closed = addressPolicy([]);

  it('refuses loopback, private, link-local, CGNAT, unspecified, multicast and metadata addresses, naming why', () => {
    const cases: Array<[string, string]> = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['169.254.169.254', 'link-local'],
      ['fe80::1', 'link-local'],
      ['fd12:3456::1', 'unique local'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'link-local'],
    ];
    for (const [address, why] of cases) expect(closed.refusal(address), address).to.include(why);
  });

  it('allows public unicast addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2a00:1450:4001:82b::200e', '::ffff:8.8.8.8'])
      expect(closed.refusal(address), address).to.equal(undefined);
  });

  it('allows exactly the networks the operator opens', () => {
    const open = addressPolicy(['127.0.0.0/8', 'fd00::/8']);
    expect(open.refusal('127.0.0.1')).to.equal(undefined);
    expect(open.refusal('::ffff:127.0.0.1')).to.equal(undefined);
    expect(open.refusal('fd00::5')).to.equal(undefined);
    expect(open.refusal('10.0.0.1')).to.include('private');
    expect(open.refusal('::1')).to.include('loopback');
  });

  it('reads CIDR ranges strictly', () => {
    for (const good of ['127.0.0.0/8', '10.1.0.0/16', 'fd00::/8', '::1/128']) expect(isCidr(good), good).to.equal(true);
    for (const bad of ['127.0.0.0', '127.0.0.0/33', 'fd00::/129', 'localhost/8', '10.0.0.0/8/1', '10.0.0.0/x'])
      expect(isCidr(bad), bad).to.equal(false);
  });
});

describe('webhook configuration', () => {
  it('is closed by default: https only, no private networks', () => {
    expect(loadConfig({}).webhooks).to.deep.equal({ allowedNetworks: [], allowHttp: false });
  });

  it('reads WEBHOOK_ALLOWED_NETWORKS and WEBHOOK_ALLOW_HTTP, naming a bad value', () => {
    const config = loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8, fd00::/8', WEBHOOK_ALLOW_HTTP: 'true' });
    expect(config.webhooks).to.deep.equal({ allowedNetworks: ['127.0.0.0/8', 'fd00::/8'], allowHttp: true });
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.1' })).to.throw(
      ConfigError,
      /WEBHOOK_ALLOWED_NETWORKS/,
    );
    expect(() => loadConfig({ WEBHOOK_ALLOW_HTTP: 'yes' })).to.throw(ConfigError, /WEBHOOK_ALLOW_HTTP/);
  });
});
