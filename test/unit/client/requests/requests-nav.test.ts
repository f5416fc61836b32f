import { expect } from 'chai';
import type { Actor } from '../../../../shared/authz/can.js';
import { requestNavItems } from '../../../../client/src/features/requests/requests-nav.js';

const t = ((key: string) => key) as unknown as Parameters<typeof requestNavItems>[1];
const actor = (patch: Partial<Actor>): Actor => ({
  id: 'u1',
  role: 'focal-point',
  state: 'KZ',
  status: 'active',
  totpEnabled: false,
  requireTotp: false,
  ...patch,
});
const shown = (a: Actor): string[] =>
  requestNavItems(a, t)
    .filter((item) => item.allowed)
    .map((item) => item.to);

describe('requests: nav entries by role', () => {
  it('focal points get the boxes; national admins the overdue list and their statistics; the secretariat statistics only', () => {
    expect(shown(actor({}))).to.deep.equal(['/requests']);
    expect(shown(actor({ role: 'national-admin', totpEnabled: true }))).to.deep.equal([
      '/requests/overdue',
      '/requests/statistics',
    ]);
    expect(shown(actor({ role: 'network-admin', state: null, totpEnabled: true }))).to.deep.equal([
      '/requests/statistics',
    ]);
  });

  it('nothing for suspended accounts or admins without their second factor', () => {
    expect(shown(actor({ status: 'suspended' }))).to.deep.equal([]);
    expect(shown(actor({ role: 'national-admin', totpEnabled: false }))).to.deep.equal([]);
    expect(shown(actor({ requireTotp: true }))).to.deep.equal([]);
  });
});
