import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../../server/config.js';

describe('SMTP configuration', () => {
  it('is off while SMTP_HOST is unset', () => {
    expect(loadConfig({}).smtp).to.equal(undefined);
  });

  it('requires a sender with a host, and requires STARTTLS unless told otherwise', () => {
    expect(() => loadConfig({ SMTP_HOST: 'mail.example' })).to.throw(ConfigError, /SMTP_FROM/);
    expect(loadConfig({ SMTP_HOST: 'mail.example', SMTP_FROM: 'alerts@focalnet.example' }).smtp).to.deep.equal({
      host: 'mail.example',
      port: 587,
      security: 'starttls',
      user: undefined,
      password: undefined,
      from: 'alerts@focalnet.example',
    });
    expect(loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b.c', SMTP_SECURE: 'tls' }).smtp?.port).to.equal(465);
    expect(() => loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b.c', SMTP_SECURE: 'maybe' })).to.throw(/SMTP_SECURE/);
  });
});
