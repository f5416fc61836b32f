import { expect } from 'chai';
import { mayAddress } from '../../../../shared/audience/may-address.js';
import type { Actor } from '../../../../shared/authz/can.js';
import type { Role } from '../../../../shared/schemas/accounts.js';
import { audienceKey, parseAudienceKey, type Audience } from '../../../../shared/schemas/audience.js';

const actor = (role: Role, state: string | null, extra: Partial<Actor> = {}): Actor => ({
  id: 'me',
  role,
  state,
  status: 'active',
  totpEnabled: true,
  requireTotp: false,
  ...extra,
});

const border: Audience = { kind: 'domain', domain: 'border' };

describe('mayAddress: who addresses an audience as a whole', () => {
  it('lets the secretariat address any audience', () => {
    for (const audience of [border, { kind: 'national-admins' }, { kind: 'everyone' }] as Audience[])
      expect(mayAddress(actor('network-admin', null), audience, [])).to.deep.equal({ ok: true });
  });

  it('lets a national admin address every national admin and the domains their state takes part in', () => {
    const admin = actor('national-admin', 'KZ');
    expect(mayAddress(admin, { kind: 'national-admins' }, ['border']).ok).to.equal(true);
    expect(mayAddress(admin, border, ['border']).ok).to.equal(true);
    const elsewhere = mayAddress(admin, border, ['law-enforcement']);
    expect(elsewhere).to.deep.equal({ ok: false, reason: 'your state does not take part in the border domain' });
    expect(mayAddress(admin, { kind: 'everyone' }, ['border'])).to.deep.equal({
      ok: false,
      reason: 'only the secretariat addresses everyone',
    });
  });

  it('refuses focal points and accounts that are not active', () => {
    expect(mayAddress(actor('focal-point', 'KZ'), border, ['border']).ok).to.equal(false);
    expect(mayAddress(actor('network-admin', null, { status: 'suspended' }), border, []).ok).to.equal(false);
  });
});

describe('audience keys', () => {
  it('round-trip every kind and reject what is not one', () => {
    for (const audience of [border, { kind: 'national-admins' }, { kind: 'everyone' }] as Audience[])
      expect(parseAudienceKey(audienceKey(audience))).to.deep.equal(audience);
    expect(audienceKey(border)).to.equal('domain:border');
    expect(parseAudienceKey('domain:Not A Code')).to.equal(undefined);
    expect(parseAudienceKey('somebody')).to.equal(undefined);
  });
});
