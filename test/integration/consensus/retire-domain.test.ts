import { expect } from 'chai';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { DirectoryPage, DomainView, StateView } from '../../../shared/schemas/directory.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { envelopeFor, LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, DOC_LABELS, post, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
type Answer<T> = T & { error?: { code: string; message: string } };

/**
 * A domain retired by network decision takes no new exchanges, participation or focal points;
 * its names stay for what was exchanged in it, and request cases opened before may finish.
 */
describe('consensus: retiring a domain', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let kz: TestPerson;
  let tj: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: [['border', 'law-enforcement']] },
        TJ: { focalPoints: [['border', 'law-enforcement']] },
      },
    });
    ({ t, root } = net);
    [kzAdmin, tjAdmin] = [net.admin('KZ'), net.admin('TJ')];
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
  });
  after(async () => t.close());

  const inHours = (hours: number): string => new Date(t.clock.now().getTime() + hours * HOUR_MS).toISOString();
  const propose = (change: unknown) =>
    call<Answer<ProposalView>>(t.url, 'POST', '/api/proposals', {
      token: root.session?.accessToken,
      body: { change, deadline: inHours(25), rationale: 'No longer an area of cooperation.' },
    });
  const domains = async (): Promise<DomainView[]> =>
    (await call<DomainView[]>(t.url, 'GET', '/api/domains', { token: kz.session?.accessToken })).body;
  /** Past every open proposal's deadline (silence kept), everyone signed in again. */
  async function passDeadlines(): Promise<void> {
    t.clock.advance(26 * HOUR_MS);
    for (const person of [root, kzAdmin, tjAdmin, kz, tj]) await signIn(t, person);
  }

  it('stops new exchanges and participation in it, lets open request cases finish, and keeps its names', async () => {
    const openCase = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'routine' }),
    );

    expect(
      (await propose({ kind: 'retire-domain', domain: { code: 'maritime-security' } })).body.error?.message,
    ).to.contain('not a domain');
    const proposal = await propose({ kind: 'retire-domain', domain: { code: 'border' } });
    expect(proposal.status).to.equal(201);
    expect((await propose({ kind: 'retire-domain', domain: { code: 'border' } })).body.error?.message).to.contain(
      'open already',
    );
    expect((await domains()).find((d) => d.code === 'border')?.retiredAt).to.equal(undefined);

    await passDeadlines();
    const adopted = await call<ProposalView>(t.url, 'GET', `/api/proposals/${proposal.body.id}`, {
      token: kzAdmin.session?.accessToken,
    });
    expect(adopted.body).to.include({ status: 'adopted', outcome: 'silence-kept' });
    const border = (await domains()).find((d) => d.code === 'border');
    expect(border?.name.en, 'its names stay').to.equal('Border control and management');
    expect(border?.retiredAt).to.be.a('string');

    // No state takes part in it any more, nor may opt in again.
    const states = (await call<StateView[]>(t.url, 'GET', '/api/states', { token: kz.session?.accessToken })).body;
    expect(states.filter((s) => s.domains.includes('border'))).to.deep.equal([]);
    const optIn = await call<Answer<StateView>>(t.url, 'PUT', '/api/states/KZ/participation', {
      token: kzAdmin.session?.accessToken,
      body: { domains: ['border', 'law-enforcement'] },
    });
    expect(optIn.status).to.equal(409);
    expect(optIn.body.error?.code).to.equal('domain.retired');
    const invite = await call<Answer<object>>(t.url, 'POST', '/api/invitations', {
      token: kzAdmin.session?.accessToken,
      body: { role: 'focal-point', state: 'KZ', domains: ['border'], displayName: 'Newcomer' },
    });
    expect(invite.status).to.equal(409);

    // Nobody is listed in it; the focal points still serve their other domain.
    const listed = (
      await call<DirectoryPage>(t.url, 'GET', '/api/directory?domain=border', { token: kz.session?.accessToken })
    ).body;
    expect(listed.entries).to.deep.equal([]);
    const entry = (
      await call<DirectoryPage>(t.url, 'GET', '/api/directory?domain=law-enforcement', {
        token: kz.session?.accessToken,
      })
    ).body.entries.find((e) => e.userId === tj.user.id);
    expect(entry?.domains).to.deep.equal(['law-enforcement']);

    // A new message or request in it is refused, saying why; another domain is unaffected.
    const message = await post(t, kz, await envelopeFor(t, kz, [tj], { text: 'at crossing 3' }));
    expect(message.status).to.equal(409);
    expect(message.body.error).to.include({ code: 'domain.retired' });
    expect(message.body.error?.message).to.contain('retired by network decision');
    const request = await post(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'routine' }),
    );
    expect(request.body.error?.code).to.equal('domain.retired');
    expect(
      (
        await post(
          t,
          kz,
          await envelopeFor(t, kz, [tj], { text: 'still here' }, { labels: { ...LABELS, domain: 'law-enforcement' } }),
        )
      ).status,
    ).to.equal(200);

    // The case opened before goes on to its answer.
    expect((await post(t, tj, await stepEnvelope(t, tj, kz, openCase, { action: 'acknowledge' }))).status).to.equal(
      200,
    );
    expect(
      (
        await post(
          t,
          tj,
          await stepEnvelope(
            t,
            tj,
            kz,
            openCase,
            { action: 'answer' },
            { result: 'valid' },
            { labels: { ...DOC_LABELS, evaluation: 'A1' } },
          ),
        )
      ).status,
    ).to.equal(200);
    expect((await caseOf(t, kz, openCase)).status).to.equal('answered');

    // An opt-in that raced the retirement into storage counts for nothing.
    await t.server.accounts.states.setDomains('KZ', ['border', 'law-enforcement'], t.clock.now());
    t.server.messaging.index.invalidate();
    const raced = (await call<StateView[]>(t.url, 'GET', '/api/states', { token: kz.session?.accessToken })).body.find(
      (s) => s.code === 'KZ',
    );
    expect(raced?.domains).to.deep.equal(['law-enforcement']);
    expect(
      (await call<DirectoryPage>(t.url, 'GET', '/api/directory?domain=border', { token: kz.session?.accessToken })).body
        .entries,
    ).to.deep.equal([]);
    expect((await post(t, kz, await envelopeFor(t, kz, [tj], { text: 'after the race' }))).body.error?.code).to.equal(
      'domain.retired',
    );

    // It cannot be retired twice or renamed.
    expect((await propose({ kind: 'retire-domain', domain: { code: 'border' } })).body.error?.message).to.contain(
      'retired already',
    );
    expect(
      (await propose({ kind: 'rename-domain', domain: { code: 'border', name: { en: 'Borders', ru: 'Границы' } } }))
        .body.error?.message,
    ).to.contain('retired');
  });

  it('keeps at least one domain in use', async () => {
    const ids: string[] = [];
    for (const code of ['economic-crime', 'non-proliferation'])
      ids.push((await propose({ kind: 'retire-domain', domain: { code } })).body.id);
    await passDeadlines();
    for (const id of ids)
      expect(
        (await call<ProposalView>(t.url, 'GET', `/api/proposals/${id}`, { token: kzAdmin.session?.accessToken })).body
          .status,
      ).to.equal('adopted');
    expect((await domains()).filter((d) => !d.retiredAt).map((d) => d.code)).to.deep.equal(['law-enforcement']);
    const last = await propose({ kind: 'retire-domain', domain: { code: 'law-enforcement' } });
    expect(last.status).to.equal(400);
    expect(last.body.error?.message).to.contain('at least one domain');
  });
});
