import { expect } from 'chai';
import { ACTIONS, can, confinedState, type Action, type Actor, type Target } from '../../../../shared/authz/can.js';
import type { Role } from '../../../../shared/schemas/accounts.js';

const actor = (role: Role, state: string | null, extra: Partial<Actor> = {}): Actor => ({
  id: 'me',
  role,
  state,
  status: 'active',
  totpEnabled: true,
  requireTotp: false,
  ...extra,
});

const ACTORS = {
  'network admin': actor('network-admin', null),
  'national admin KZ': actor('national-admin', 'KZ'),
  'focal point KZ': actor('focal-point', 'KZ'),
} as const;

const TARGETS = {
  'focal point KZ': { role: 'focal-point', state: 'KZ', id: 'x' },
  'focal point RU': { role: 'focal-point', state: 'RU', id: 'x' },
  'national admin KZ': { role: 'national-admin', state: 'KZ', id: 'x' },
  'national admin RU': { role: 'national-admin', state: 'RU', id: 'x' },
  'records of KZ': { state: 'KZ' },
  'records of RU': { state: 'RU' },
} as const satisfies Record<string, Target>;

type ActorName = keyof typeof ACTORS;
type TargetName = keyof typeof TARGETS;

/** Every allowed (actor, action, target); everything not listed must be denied. */
const ALLOWED: Array<[ActorName, Action, TargetName]> = [
  ['network admin', 'invitation:create', 'national admin KZ'],
  ['network admin', 'invitation:create', 'national admin RU'],
  ['national admin KZ', 'invitation:create', 'focal point KZ'],
  ['network admin', 'invitation:revoke', 'national admin KZ'],
  ['network admin', 'invitation:revoke', 'national admin RU'],
  ['national admin KZ', 'invitation:revoke', 'focal point KZ'],
  ...(['invitation:list', 'user:list', 'audit:read', 'user:read'] as const).flatMap((action) => [
    ...(Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
      'network admin',
      action,
      target,
    ]),
    ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).map(
      (target): [ActorName, Action, TargetName] => ['national admin KZ', action, target],
    ),
  ]),
  ...(
    ['user:activate', 'user:reactivate', 'user:remove', 'user:update', 'user:suspend', 'user:reset-password'] as const
  ).flatMap(
    (action) =>
      [
        ['network admin', action, 'national admin KZ'],
        ['network admin', action, 'national admin RU'],
        ['national admin KZ', action, 'focal point KZ'],
      ] satisfies Array<[ActorName, Action, TargetName]>,
  ),
  // The secretariat may suspend anyone at once.
  ['network admin', 'user:suspend', 'focal point KZ'],
  ['network admin', 'user:suspend', 'focal point RU'],
  ...(Object.keys(ACTORS) as ActorName[]).flatMap((a) =>
    (Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
      a,
      'directory:read',
      target,
    ]),
  ),
  // Only focal points exchange (messages, requests, attachments).
  ...(Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
    'focal point KZ',
    'exchange:take-part',
    target,
  ]),
  ['national admin KZ', 'directory:edit-entry', 'focal point KZ'],
  ['national admin KZ', 'state:manage-directory', 'focal point KZ'],
  ['national admin KZ', 'state:manage-directory', 'national admin KZ'],
  ['national admin KZ', 'state:manage-directory', 'records of KZ'],
  ...(Object.keys(TARGETS) as TargetName[]).flatMap((target): Array<[ActorName, Action, TargetName]> => [
    ['network admin', 'directory:settings', target],
    ['network admin', 'liveness:start', target],
  ]),
  ['national admin KZ', 'liveness:start', 'focal point KZ'],
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).flatMap(
    (target): Array<[ActorName, Action, TargetName]> => [
      ['national admin KZ', 'request:read-state', target],
      ['national admin KZ', 'request:statistics', target],
    ],
  ),
  ...(Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
    'network admin',
    'request:statistics',
    target,
  ]),
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).map(
    (target): [ActorName, Action, TargetName] => ['national admin KZ', 'review:read', target],
  ),
  ...(Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
    'network admin',
    'review:read',
    target,
  ]),
  ['national admin KZ', 'liveness:start', 'national admin KZ'],
  // Consensus: every admin reads proposals, the secretariat proposes, a state's national admins respond for it.
  ...(Object.keys(TARGETS) as TargetName[]).flatMap((target): Array<[ActorName, Action, TargetName]> => [
    ['network admin', 'consensus:read', target],
    ['national admin KZ', 'consensus:read', target],
    ['network admin', 'consensus:propose', target],
  ]),
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).map(
    (target): [ActorName, Action, TargetName] => ['national admin KZ', 'consensus:respond', target],
  ),
  ['national admin KZ', 'liveness:start', 'records of KZ'],
  // Webhooks: a state's national admins register and read its endpoints; the secretariat reads them all.
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).flatMap(
    (target): Array<[ActorName, Action, TargetName]> => [
      ['national admin KZ', 'webhook:list', target],
      ['national admin KZ', 'webhook:manage', target],
    ],
  ),
  ...(Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
    'network admin',
    'webhook:list',
    target,
  ]),
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).map(
    (target): [ActorName, Action, TargetName] => ['national admin KZ', 'liveness:schedule-state', target],
  ),
  // Disclosure policies: published rules for everyone; the full policy for the state's own people;
  // history, writing and approvals for its national admins. The secretariat sees published rules only.
  ...(Object.keys(ACTORS) as ActorName[]).flatMap((a) =>
    (Object.keys(TARGETS) as TargetName[]).map((target): [ActorName, Action, TargetName] => [
      a,
      'policy:read-published',
      target,
    ]),
  ),
  ...(['focal point KZ', 'national admin KZ', 'records of KZ'] as const).flatMap(
    (target): Array<[ActorName, Action, TargetName]> => [
      ['national admin KZ', 'policy:read', target],
      ['focal point KZ', 'policy:read', target],
      ...(['policy:history', 'policy:write', 'approval:list', 'approval:decide'] as const).map(
        (action): [ActorName, Action, TargetName] => ['national admin KZ', action, target],
      ),
    ],
  ),
];

describe('can(): every role × action × own/other state', () => {
  const allowed = new Set(ALLOWED.map((row) => row.join(' | ')));
  for (const actorName of Object.keys(ACTORS) as ActorName[]) {
    for (const action of ACTIONS) {
      for (const targetName of Object.keys(TARGETS) as TargetName[]) {
        const expected = allowed.has([actorName, action, targetName].join(' | '));
        it(`${actorName} ${expected ? 'may' : 'may not'} ${action} on ${targetName}`, () => {
          expect(can(ACTORS[actorName], action, TARGETS[targetName])).to.equal(expected);
        });
      }
    }
  }

  it('nobody acts unless active', () => {
    for (const status of ['pending-verification', 'suspended', 'removed'] as const) {
      for (const action of ACTIONS)
        expect(
          can(actor('network-admin', null, { status }), action, TARGETS['national admin KZ']),
          `${status} ${action}`,
        ).to.equal(false);
    }
  });

  it('the secretariat invites further network admins (no state); nobody else does, nor without a second factor', () => {
    const secretariatMember = { role: 'network-admin', state: null } as const;
    expect(can(ACTORS['network admin'], 'invitation:create', secretariatMember)).to.equal(true);
    expect(can(ACTORS['network admin'], 'invitation:revoke', secretariatMember)).to.equal(true);
    expect(can(ACTORS['network admin'], 'user:activate', { ...secretariatMember, id: 'other' })).to.equal(true);
    expect(can(ACTORS['network admin'], 'user:activate', { ...secretariatMember, id: 'me' })).to.equal(false);
    expect(can(ACTORS['national admin KZ'], 'invitation:create', secretariatMember)).to.equal(false);
    expect(can(ACTORS['focal point KZ'], 'invitation:create', secretariatMember)).to.equal(false);
    expect(can(actor('network-admin', null, { totpEnabled: false }), 'invitation:create', secretariatMember)).to.equal(
      false,
    );
  });

  it('admins without a second factor cannot act; focal points only when their state requires one', () => {
    expect(
      can(actor('network-admin', null, { totpEnabled: false }), 'invitation:create', TARGETS['national admin KZ']),
    ).to.equal(false);
    expect(can(actor('national-admin', 'KZ', { totpEnabled: false }), 'user:list', TARGETS['records of KZ'])).to.equal(
      false,
    );
    expect(can(actor('focal-point', 'KZ', { totpEnabled: false }), 'exchange:take-part')).to.equal(true);
    expect(can(actor('focal-point', 'KZ', { totpEnabled: false, requireTotp: true }), 'exchange:take-part')).to.equal(
      false,
    );
  });

  it('admin actions never apply to oneself', () => {
    const me = actor('network-admin', null);
    for (const action of [
      'user:activate',
      'user:suspend',
      'user:reactivate',
      'user:remove',
      'user:update',
      'user:reset-password',
    ] as const) {
      expect(can(me, action, { role: 'network-admin', state: null, id: 'me' }), action).to.equal(false);
    }
    expect(can(me, 'user:read', { role: 'network-admin', id: 'me' })).to.equal(true);
    expect(
      can(actor('focal-point', 'KZ'), 'directory:edit-entry', { role: 'focal-point', state: 'KZ', id: 'me' }),
    ).to.equal(true);
  });

  it("the secretariat's own invitations are listed to the secretariat only", () => {
    expect(can(actor('network-admin', null), 'invitation:list', { role: 'network-admin', state: null })).to.equal(true);
    expect(can(actor('national-admin', 'KZ'), 'invitation:list', { role: 'network-admin', state: 'KZ' })).to.equal(
      false,
    );
    expect(can(actor('national-admin', 'KZ'), 'invitation:list', { role: 'national-admin', state: 'KZ' })).to.equal(
      true,
    );
  });

  it("confines everyone but the secretariat to their own state's records", () => {
    expect(confinedState(actor('network-admin', null))).to.equal(null);
    expect(confinedState(actor('national-admin', 'KZ'))).to.equal('KZ');
    expect(confinedState(actor('focal-point', 'RU'))).to.equal('RU');
  });

  it('nobody releases an exchange they sent themselves (four eyes)', () => {
    expect(can(actor('national-admin', 'KZ'), 'approval:decide', { state: 'KZ', id: 'me' })).to.equal(false);
    expect(can(actor('national-admin', 'KZ'), 'approval:decide', { state: 'KZ', id: 'someone-else' })).to.equal(true);
  });
});
