import { expect } from 'chai';
import type { AuditEvent, AuditLog } from '../../../../server/modules/audit/audit-log.js';
import type { User } from '../../../../server/modules/accounts/ports/users.js';
import type {
  PlannedEvents,
  TrainingRequest,
  TrainingRequestStore,
} from '../../../../server/modules/training/ports.js';
import { recordPlannedEvent } from '../../../../server/modules/training/record-planned-event.js';
import type { AppError } from '../../../../shared/errors.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const EVENT_KZ = 'e'.repeat(24);
const EVENT_TJ = 'f'.repeat(24);

const admin = (state: string, id = `${state.toLowerCase()}`.padEnd(24, '0')): User =>
  ({ id, role: 'national-admin', state, status: 'active', totpEnabled: true, requireTotp: false }) as User;

function accepted(): TrainingRequest {
  return {
    id: 'a'.repeat(24),
    requestingState: 'RU',
    hostState: 'KZ',
    centreId: null,
    domain: 'border',
    subject: 'forgery',
    kind: 'seminar',
    period: { from: '2026-04-01', to: '2026-04-03' },
    languages: ['ru'],
    participants: 12,
    notes: null,
    status: 'accepted',
    requestedBy: 'b'.repeat(24),
    createdAt: NOW,
    answeredBy: 'c'.repeat(24),
    answeredAt: NOW,
    proposedPeriod: null,
    format: null,
    declineReason: null,
    eventId: null,
    plannedAt: null,
  };
}

/** One request in memory, with the store's conditional advance; the events calendar as a map. */
function fixture(events: Record<string, string> = { [EVENT_KZ]: 'KZ', [EVENT_TJ]: 'TJ' }) {
  let stored = accepted();
  const audited: AuditEvent[] = [];
  const requests: TrainingRequestStore = {
    create: async () => stored,
    list: async () => [stored],
    find: async (id) => (id === stored.id ? stored : undefined),
    advance: async (id, from, step) => {
      if (id !== stored.id || stored.status !== from) return undefined;
      stored = { ...stored, ...step };
      return stored;
    },
  };
  const plannedEvents: PlannedEvents = { hostOf: async (id) => events[id] };
  const audit = { append: async (event: AuditEvent) => void audited.push(event) } as unknown as AuditLog;
  const taken = new Set<string>();
  const claims = {
    claim: async (key: string) => !taken.has(key) && Boolean(taken.add(key)),
    claimedAt: async () => undefined,
    deleteExpired: async () => 0,
  };
  const deps = { requests, claims, audit, clock: { now: () => NOW }, plannedEvents };
  return { deps, audited, stored: () => stored };
}

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: AppError) => error.code,
  );

describe('training: recordPlannedEvent', () => {
  it("records the host's event: planned, with its id, audited with states, domain and kind", async () => {
    const { deps, audited, stored } = fixture();
    const view = await recordPlannedEvent(deps, admin('KZ'), stored().id, EVENT_KZ);
    expect(view).to.include({ status: 'planned', eventId: EVENT_KZ, plannedAt: NOW.toISOString() });
    expect(audited).to.deep.equal([
      {
        type: 'training.planned',
        actorId: admin('KZ').id,
        state: 'KZ',
        subjectId: stored().id,
        data: { requestingState: 'RU', hostState: 'KZ', domain: 'border', kind: 'seminar', eventId: EVENT_KZ },
      },
    ]);
  });

  it('refuses an unknown event, an event hosted by another state and a malformed id; nothing changes', async () => {
    const { deps, audited, stored } = fixture();
    for (const eventId of ['0'.repeat(24), EVENT_TJ, 'not-an-id'])
      expect(await codeOf(recordPlannedEvent(deps, admin('KZ'), stored().id, eventId)), eventId).to.equal(
        'training.invalid',
      );
    expect(stored().status).to.equal('accepted');
    expect(audited).to.deep.equal([]);
  });

  it('only the host plans; the requester gets wrong-side, a third state not-found', async () => {
    const { deps, stored } = fixture();
    expect(await codeOf(recordPlannedEvent(deps, admin('RU'), stored().id, EVENT_KZ))).to.equal('training.wrong-side');
    expect(await codeOf(recordPlannedEvent(deps, admin('TJ'), stored().id, EVENT_KZ))).to.equal('training.not-found');
  });

  it('plans once: a second event is refused, as is a request not accepted', async () => {
    const { deps, stored } = fixture();
    await recordPlannedEvent(deps, admin('KZ'), stored().id, EVENT_KZ);
    expect(await codeOf(recordPlannedEvent(deps, admin('KZ'), stored().id, EVENT_KZ))).to.equal(
      'training.invalid-transition',
    );
  });

  it('refuses while no events calendar is wired', async () => {
    const { deps, stored } = fixture();
    const { plannedEvents: _none, ...withoutCalendar } = deps;
    expect(await codeOf(recordPlannedEvent(withoutCalendar, admin('KZ'), stored().id, EVENT_KZ))).to.equal(
      'training.invalid',
    );
  });
});
