import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type {
  CentreList,
  CentreView,
  TrainingRequestList,
  TrainingRequestView,
} from '../../../shared/schemas/training.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { call } from '../../helpers/api.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

type Answer<T> = T & { error?: { code: string } };

/** A channel that keeps what it is handed, with the people it is for. */
function recordingChannel(): { factory: AlertChannelFactory; seen: Array<{ alert: Alert; userIds: string[] }> } {
  const seen: Array<{ alert: Alert; userIds: string[] }> = [];
  return {
    seen,
    factory: () => ({
      name: 'recording',
      accept: async (alert, audience) => void seen.push({ alert, userIds: audience.userIds }),
      drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
    }),
  };
}

const day = (now: Date, days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Centres of Excellence and training requests between states: KZ describes a centre, RU asks it
 * for a seminar on document forgery, KZ accepts; a third state sees nothing of it.
 */
describe('training: Centres of Excellence and training requests', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kzAdmin2: TestPerson;
  let ruAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let kzFocal: TestPerson;
  const recording = recordingChannel();

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { admins: 2, focalPoints: { border: 1 } },
        RU: {},
        TJ: { participation: ['border'] },
      },
      server: { alertChannels: [recording.factory] },
    });
    ({ t, root } = net);
    [kzAdmin, kzAdmin2, ruAdmin, tjAdmin] = [net.admin('KZ'), net.admin('KZ', 1), net.admin('RU'), net.admin('TJ')];
    kzFocal = net.focalPoint('KZ');
  });
  after(async () => t?.close());

  const api = <T>(who: TestPerson, method: string, path: string, body?: unknown) =>
    call<Answer<T>>(t.url, method, path, { token: who.session?.accessToken, ...(body === undefined ? {} : { body }) });
  /** The newest audit entries of a type. */
  const auditOf = (type: string) => t.server.auditEntries.list({ type, order: 'desc', limit: 100 });

  const centre = (overrides: Record<string, unknown> = {}) => ({
    name: { en: 'Border Academy', ru: 'Пограничная академия' },
    state: 'KZ',
    domains: ['border'],
    subjects: ['Document forgery', 'risk analysis'],
    languages: ['ru', 'kk'],
    contact: {
      address: 'Almaty',
      phone: '+7 727 000 00 00',
      email: 'academy@example.kz',
      website: 'https://academy.example.kz',
    },
    formats: ['on-site', 'online'],
    hostsForeignParticipants: true,
    ...overrides,
  });
  const request = (centreId: string | undefined, overrides: Record<string, unknown> = {}) => ({
    hostState: 'KZ',
    ...(centreId ? { centreId } : {}),
    domain: 'border',
    subject: 'Detecting forged travel documents',
    kind: 'seminar',
    period: { from: day(t.clock.now(), 30), to: day(t.clock.now(), 34) },
    languages: ['ru'],
    participants: 20,
    notes: 'notes-canary-for-the-two-states-only',
    ...overrides,
  });

  let centreId: string;
  let requestId: string;

  it("KZ's national admin adds a centre; everyone signed in finds it by domain, subject, language and state", async () => {
    const created = await api<CentreView>(kzAdmin, 'POST', '/api/centres', centre());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ state: 'KZ', stale: false, hostsForeignParticipants: true });
    centreId = created.body.id;
    for (const query of ['domain=border', 'subject=document%20forgery', 'language=kk', 'state=KZ', '']) {
      const found = await api<CentreList>(kzFocal, 'GET', `/api/centres?${query}`);
      expect(found.status).to.equal(200);
      expect(
        found.body.centres.map((c) => c.id),
        query,
      ).to.include(centreId);
    }
    for (const query of ['domain=economic-crime', 'subject=forgery', 'language=en', 'state=RU']) {
      const found = await api<CentreList>(ruAdmin, 'GET', `/api/centres?${query}`);
      expect(
        found.body.centres.map((c) => c.id),
        query,
      ).not.to.include(centreId);
    }
    const [entry] = await auditOf('centre.created');
    expect(entry?.data).to.deep.equal({ state: 'KZ', domains: ['border'] });
  });

  it('refuses a centre of another state, an unknown domain, and edits by anyone but its state or the secretariat', async () => {
    const before = (await api<CentreList>(root, 'GET', '/api/centres')).body.centres.length;
    expect((await api(ruAdmin, 'POST', '/api/centres', centre())).body.error?.code).to.equal('auth.forbidden');
    expect((await api(kzFocal, 'POST', '/api/centres', centre())).body.error?.code).to.equal('auth.forbidden');
    const unknown = await api(kzAdmin, 'POST', '/api/centres', centre({ domains: ['piracy'] }));
    expect([unknown.status, unknown.body.error?.code]).to.deep.equal([400, 'domain.unknown']);
    const bad = await api(kzAdmin, 'POST', '/api/centres', centre({ subjects: [] }));
    expect([bad.status, bad.body.error?.code]).to.deep.equal([400, 'validation.failed']);
    expect((await api(ruAdmin, 'PUT', `/api/centres/${centreId}`, centre())).body.error?.code).to.equal(
      'auth.forbidden',
    );
    const moved = await api(kzAdmin, 'PUT', `/api/centres/${centreId}`, centre({ state: 'RU' }));
    expect(moved.body.error?.code).to.equal('validation.failed');
    expect((await api(ruAdmin, 'DELETE', `/api/centres/${centreId}`)).body.error?.code).to.equal('auth.forbidden');
    expect((await api<CentreList>(root, 'GET', '/api/centres')).body.centres.length).to.equal(before);
    // The secretariat may correct any centre.
    const edited = await api<CentreView>(
      root,
      'PUT',
      `/api/centres/${centreId}`,
      centre({ languages: ['ru', 'kk', 'en'] }),
    );
    expect(edited.status).to.equal(200);
    expect(edited.body.languages).to.deep.equal(['ru', 'kk', 'en']);
  });

  it('a centre not confirmed within the freshness period is stale until its admins confirm it', async () => {
    const { freshnessDays } = (await api<CentreList>(kzAdmin, 'GET', '/api/centres')).body;
    const stale = await api<CentreView>(kzAdmin, 'POST', '/api/centres', centre({ name: { en: 'Old school' } }));
    const id = stale.body.id;
    t.clock.advance((freshnessDays + 1) * 86_400_000);
    try {
      for (const who of [root, kzAdmin, kzAdmin2, ruAdmin, tjAdmin, kzFocal]) await signIn(t, who);
      expect((await api<CentreView>(ruAdmin, 'GET', `/api/centres/${id}`)).body.stale).to.equal(true);
      const confirmed = await api<CentreView>(kzAdmin, 'POST', `/api/centres/${id}/confirm`);
      expect(confirmed.body.stale).to.equal(false);
    } finally {
      const removed = await api(kzAdmin, 'DELETE', `/api/centres/${id}`);
      expect(removed.status).to.equal(200);
      expect((await api(kzAdmin, 'GET', `/api/centres/${id}`)).body.error?.code).to.equal('centre.not-found');
    }
  });

  it('RU asks the KZ centre for a seminar on document forgery; the request reaches KZ admins (and an alert), not TJ', async () => {
    recording.seen.splice(0);
    const sent = await api<TrainingRequestView>(ruAdmin, 'POST', '/api/training-requests', request(centreId));
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201);
    expect(sent.body).to.include({ requestingState: 'RU', hostState: 'KZ', status: 'sent', centreId });
    requestId = sent.body.id;

    const incoming = await api<TrainingRequestList>(kzAdmin2, 'GET', '/api/training-requests?box=incoming');
    expect(incoming.body.requests.map((r) => r.id)).to.deep.equal([requestId]);
    const outgoing = await api<TrainingRequestList>(ruAdmin, 'GET', '/api/training-requests?box=outgoing');
    expect(outgoing.body.requests.map((r) => r.id)).to.deep.equal([requestId]);
    expect(
      (await api<TrainingRequestList>(kzAdmin, 'GET', '/api/training-requests?box=outgoing')).body.requests,
    ).to.deep.equal([]);
    expect((await api<TrainingRequestList>(root, 'GET', '/api/training-requests')).body.requests).to.have.length(1);

    // A third state, and focal points, see nothing of it.
    expect((await api<TrainingRequestList>(tjAdmin, 'GET', '/api/training-requests')).body.requests).to.deep.equal([]);
    const hidden = await api(tjAdmin, 'GET', `/api/training-requests/${requestId}`);
    expect([hidden.status, hidden.body.error?.code]).to.deep.equal([404, 'training.not-found']);
    expect((await api(kzFocal, 'GET', `/api/training-requests/${requestId}`)).body.error?.code).to.equal(
      'training.not-found',
    );
    expect((await api(kzFocal, 'GET', '/api/training-requests')).body.error?.code).to.equal('auth.forbidden');

    expect(recording.seen).to.have.length(1);
    const [{ alert, userIds }] = recording.seen as [{ alert: Alert; userIds: string[] }];
    expect(alert).to.deep.equal({
      id: `training.requested:${requestId}`,
      kind: 'training.requested',
      state: 'KZ',
      counterpartState: 'RU',
      domain: 'border',
      refs: { trainingRequestId: requestId },
      at: alert.at,
    });
    expect([...userIds].sort()).to.deep.equal([kzAdmin.user.id, kzAdmin2.user.id].sort());

    const [entry] = await auditOf('training.requested');
    expect(entry?.data).to.deep.equal({
      requestingState: 'RU',
      hostState: 'KZ',
      domain: 'border',
      kind: 'seminar',
      centreId,
      participants: 20,
    });
  });

  it('refuses bad requests and writes nothing', async () => {
    const count = async () =>
      (await api<TrainingRequestList>(root, 'GET', '/api/training-requests')).body.requests.length;
    const before = await count();
    const now = t.clock.now();
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ domain: 'piracy' }, 400, 'domain.unknown'],
      [{ hostState: 'TJ', domain: 'economic-crime' }, 409, 'domain.not-participating'],
      [{ hostState: 'RU' }, 400, 'training.invalid'],
      [{ hostState: 'TJ' }, 400, 'training.invalid'], // names a KZ centre
      [{ period: { from: day(now, 10), to: day(now, 5) } }, 400, 'training.invalid'],
      [{ period: { from: day(now, -3), to: day(now, 2) } }, 400, 'training.invalid'],
      [{ participants: 5000 }, 400, 'validation.failed'],
      [{ participants: 0 }, 400, 'validation.failed'],
      [{ kind: 'party' }, 400, 'validation.failed'],
      [{ centreId: 'ffffffffffffffffffffffff' }, 404, 'centre.not-found'],
    ];
    for (const [overrides, status, code] of refusals) {
      const refused = await api(ruAdmin, 'POST', '/api/training-requests', request(centreId, overrides));
      expect([refused.status, refused.body.error?.code], JSON.stringify(overrides)).to.deep.equal([status, code]);
    }
    expect((await api(root, 'POST', '/api/training-requests', request(undefined))).body.error?.code).to.equal(
      'auth.forbidden',
    );
    expect((await api(kzFocal, 'POST', '/api/training-requests', request(undefined))).body.error?.code).to.equal(
      'auth.forbidden',
    );
    expect(await count()).to.equal(before);
  });

  it('only the host answers: RU cannot accept its own request, TJ cannot see it; KZ accepts once', async () => {
    recording.seen.splice(0);
    const own = await api(ruAdmin, 'POST', `/api/training-requests/${requestId}/accept`, {});
    expect([own.status, own.body.error?.code]).to.deep.equal([403, 'training.wrong-side']);
    expect(
      (await api(tjAdmin, 'POST', `/api/training-requests/${requestId}/decline`, { reason: 'no' })).body.error?.code,
    ).to.equal('training.not-found');
    expect((await api(kzAdmin, 'POST', `/api/training-requests/${requestId}/withdraw`)).body.error?.code).to.equal(
      'training.wrong-side',
    );
    const past = await api(kzAdmin, 'POST', `/api/training-requests/${requestId}/accept`, {
      proposedPeriod: { from: day(t.clock.now(), -1), to: day(t.clock.now(), 1) },
    });
    expect(past.body.error?.code).to.equal('training.invalid');
    expect(recording.seen).to.deep.equal([]);

    const proposedPeriod = { from: day(t.clock.now(), 60), to: day(t.clock.now(), 62) };
    const accepted = await api<TrainingRequestView>(kzAdmin, 'POST', `/api/training-requests/${requestId}/accept`, {
      proposedPeriod,
      format: 'on-site',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body).to.deep.include({
      status: 'accepted',
      proposedPeriod,
      format: 'on-site',
      answeredBy: kzAdmin.user.id,
    });

    const twice = await api(kzAdmin2, 'POST', `/api/training-requests/${requestId}/decline`, { reason: 'too late' });
    expect([twice.status, twice.body.error?.code]).to.deep.equal([409, 'training.invalid-transition']);
    const withdraw = await api(ruAdmin, 'POST', `/api/training-requests/${requestId}/withdraw`);
    expect([withdraw.status, withdraw.body.error?.code]).to.deep.equal([409, 'training.invalid-transition']);
    expect(
      (await api<TrainingRequestView>(ruAdmin, 'GET', `/api/training-requests/${requestId}`)).body.status,
    ).to.equal('accepted');

    expect(recording.seen.map((s) => [s.alert.kind, s.alert.state, s.userIds])).to.deep.equal([
      ['training.answered', 'RU', [ruAdmin.user.id]],
    ]);
    const [entry] = await auditOf('training.accepted');
    expect(entry?.data).to.deep.equal({
      requestingState: 'RU',
      hostState: 'KZ',
      domain: 'border',
      kind: 'seminar',
      centreId,
    });
  });

  it('declines with a reason; the requester withdraws what is unanswered; a request without a centre is fine', async () => {
    const a = (
      await api<TrainingRequestView>(
        ruAdmin,
        'POST',
        '/api/training-requests',
        request(undefined, { kind: 'needs-assessment' }),
      )
    ).body;
    const declined = await api<TrainingRequestView>(kzAdmin, 'POST', `/api/training-requests/${a.id}/decline`, {
      reason: 'No trainers free this year',
    });
    expect(declined.body).to.include({ status: 'declined', declineReason: 'No trainers free this year' });
    const empty = await api(kzAdmin, 'POST', `/api/training-requests/${a.id}/decline`, {});
    expect(empty.body.error?.code).to.equal('validation.failed');

    const b = (
      await api<TrainingRequestView>(
        ruAdmin,
        'POST',
        '/api/training-requests',
        request(undefined, { kind: 'training-of-trainers' }),
      )
    ).body;
    const withdrawn = await api<TrainingRequestView>(ruAdmin, 'POST', `/api/training-requests/${b.id}/withdraw`);
    expect(withdrawn.body.status).to.equal('withdrawn');
    const late = await api(kzAdmin, 'POST', `/api/training-requests/${b.id}/accept`, {});
    expect(late.body.error?.code).to.equal('training.invalid-transition');
    expect((await auditOf('training.withdrawn'))[0]?.data).to.include({
      kind: 'training-of-trainers',
      hostState: 'KZ',
    });
  });

  it('of two answers at once exactly one is taken; the other is refused and nothing is overwritten', async () => {
    const sent = (await api<TrainingRequestView>(ruAdmin, 'POST', '/api/training-requests', request(undefined))).body;
    const [accept, decline] = await Promise.all([
      api<TrainingRequestView>(kzAdmin, 'POST', `/api/training-requests/${sent.id}/accept`, {}),
      api<TrainingRequestView>(kzAdmin2, 'POST', `/api/training-requests/${sent.id}/decline`, { reason: 'busy' }),
    ]);
    expect([accept.status, decline.status].sort()).to.deep.equal([200, 409]);
    const winner = accept.status === 200 ? 'accepted' : 'declined';
    expect((await api<TrainingRequestView>(ruAdmin, 'GET', `/api/training-requests/${sent.id}`)).body.status).to.equal(
      winner,
    );
    const answers = [...(await auditOf('training.accepted')), ...(await auditOf('training.declined'))];
    expect(answers.filter((entry) => entry.subjectId === sent.id)).to.have.length(1);
  });

  it('planning an event is refused until the events calendar is wired; nothing changes', async () => {
    const refused = await api(kzAdmin, 'POST', `/api/training-requests/${requestId}/planned`, {
      eventId: 'a'.repeat(24),
    });
    expect([refused.status, refused.body.error?.code]).to.deep.equal([400, 'training.invalid']);
    expect(
      (await api<TrainingRequestView>(kzAdmin, 'GET', `/api/training-requests/${requestId}`)).body.status,
    ).to.equal('accepted');
  });

  it('keeps names, subjects, notes and reasons out of the audit trail (alerts are checked field by field above)', async () => {
    const entries = JSON.stringify(await t.server.auditEntries.list({ limit: 10_000 }));
    for (const secret of ['notes-canary', 'forged travel', 'No trainers free', 'Border Academy'])
      expect(entries).not.to.include(secret);
  });
});
