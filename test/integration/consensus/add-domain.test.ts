import { expect } from 'chai';
import type { z } from 'zod';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { DomainView } from '../../../shared/schemas/directory.js';
import type { RequestTemplateView } from '../../../shared/schemas/requests.js';

type TemplateView = z.infer<typeof RequestTemplateView>;
import { SEEDED_DOMAINS } from '../../../shared/reference/domains.js';
import { call } from '../../helpers/api.js';
import { activeFocalPoint, setParticipation, signIn, type TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, send, socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy, submitPolicy } from '../../helpers/policies.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
const MARITIME = { code: 'maritime-security', name: { en: 'Maritime security', ru: 'Морская безопасность' } };
const SEEDED = SEEDED_DOMAINS.map((d) => d.code);

/**
 * Domains are data: the action plan's four are seeded, and the network adds more by consensus.
 * A new domain is then like the others: states opt in, focal points serve it, messages are
 * labelled with it and the disclosure policies apply to it.
 */
describe('consensus: adding and renaming domains', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({ states: { KZ: {}, RU: {} } });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
  });
  after(async () => t.close());

  const domains = async (): Promise<DomainView[]> =>
    (await call<DomainView[]>(t.url, 'GET', '/api/domains', { token: kz.session?.accessToken })).body;
  const inHours = (hours: number): string => new Date(t.clock.now().getTime() + hours * HOUR_MS).toISOString();
  const proposeDomain = (domain: unknown) =>
    call<ProposalView & { error?: { code: string; message: string } }>(t.url, 'POST', '/api/proposals', {
      token: root.session?.accessToken,
      body: {
        change: { kind: 'add-domain', domain },
        deadline: inHours(25),
        rationale: 'Piracy and smuggling at sea.',
      },
    });
  const participate = (admin: TestPerson, codes: string[]) =>
    call<{ error?: { code: string; message: string } }>(t.url, 'PUT', `/api/states/${admin.user.state}/participation`, {
      token: admin.session?.accessToken,
      body: { domains: codes },
    });

  it('the four domains of the action plan are there from the start, with their names', async () => {
    expect(await domains()).to.deep.equal(SEEDED_DOMAINS);
    const anonymous = await call(t.url, 'GET', '/api/domains');
    expect(anonymous.status).to.equal(401);
  });

  it('refuses a domain the network does not have, wherever one is named', async () => {
    const unknown = await participate(kz, ['border', 'maritime-security']);
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error?.code).to.equal('domain.unknown');
    expect(unknown.body.error?.message).to.contain('maritime-security');
    const malformed = await participate(kz, ['Maritime Security']);
    expect(malformed.body.error?.code).to.equal('validation.failed');
    const policy = await submitPolicy(
      t,
      kz,
      policyBody('KZ', 1, [{ id: 'sea', direction: 'outbound', domains: ['maritime-security'], effect: 'deny' }]),
    );
    expect(policy.status).to.equal(400);
    expect((policy.body as unknown as { error: { code: string } }).error.code).to.equal('domain.unknown');
    const existing = await proposeDomain({ code: 'border', name: { en: 'Border', ru: 'Граница' } });
    expect(existing.status).to.equal(400);
    expect(existing.body.error?.message).to.contain('already');
  });

  it('once adopted, states opt in, focal points serve it and exchange under its label, and policies apply to it', async () => {
    const proposal = await proposeDomain(MARITIME);
    expect(proposal.status).to.equal(201);
    const twice = await proposeDomain(MARITIME);
    expect(twice.body.error?.message).to.contain('open already');
    expect((await domains()).map((d) => d.code)).to.deep.equal(SEEDED);

    t.clock.advance(26 * HOUR_MS);
    for (const person of [root, kz, ru]) await signIn(t, person);
    const adopted = await call<ProposalView>(t.url, 'GET', `/api/proposals/${proposal.body.id}`, {
      token: kz.session?.accessToken,
    });
    expect(adopted.body).to.include({ status: 'adopted', outcome: 'silence-kept' });
    expect(await domains()).to.deep.equal([...SEEDED_DOMAINS, MARITIME]);

    // Nobody takes part in it until their state opts in.
    const early = await call<{ error: { code: string } }>(t.url, 'POST', '/api/invitations', {
      token: kz.session?.accessToken,
      body: { role: 'focal-point', state: 'KZ', domains: ['maritime-security'], displayName: 'Sea desk' },
    });
    expect(early.body.error.code).to.equal('domain.not-participating');
    await setParticipation(t, kz, [...SEEDED, 'maritime-security']);
    await setParticipation(t, ru, [...SEEDED, 'maritime-security']);
    const seaKz = await activeFocalPoint(t, kz, ['maritime-security']);
    const seaRu = await activeFocalPoint(t, ru, ['maritime-security', 'border']);
    const found = await call<{ entries: Array<{ userId: string }> }>(
      t.url,
      'GET',
      '/api/directory?domain=maritime-security',
      { token: seaKz.session?.accessToken },
    );
    expect(found.body.entries.map((e) => e.userId)).to.have.members([seaKz.user.id, seaRu.user.id]);

    const socket = await socketOf(t, seaKz);
    try {
      const sea = { ...LABELS, domain: 'maritime-security', category: 'general' as const };
      const sent = await send(socket, {
        envelope: await envelopeFor(t, seaKz, [seaRu], { text: 'Vessel sighted' }, { labels: sea }),
      });
      expect(sent.ok, JSON.stringify(sent)).to.equal(true);

      // A rule naming the new domain applies to it; one naming no domain applies to every domain.
      await publishPolicy(
        t,
        ru,
        policyBody('RU', 1, [
          {
            id: 'sea-personal',
            direction: 'inbound',
            domains: ['maritime-security'],
            categories: ['personal-data'],
            effect: 'deny',
            published: true,
            legalBasis: { en: 'Maritime Code, art. 9' },
          },
          {
            id: 'any-financial',
            direction: 'inbound',
            categories: ['financial'],
            effect: 'deny',
            published: true,
            legalBasis: { en: 'Banking Law, art. 26' },
          },
        ]),
      );
      for (const [category, basis] of [
        ['personal-data', 'Maritime Code, art. 9'],
        ['financial', 'Banking Law, art. 26'],
      ] as const) {
        const refused = await send(socket, {
          envelope: await envelopeFor(t, seaKz, [seaRu], { text: 'Crew list' }, { labels: { ...sea, category } }),
        });
        expect(refused.ok).to.equal(false);
        if (!refused.ok) {
          expect(refused.error.code).to.equal('policy.denied');
          expect(refused.error.message).to.contain(basis);
        }
      }
      // The maritime rule does not reach other domains.
      const border = await send(socket, {
        envelope: await envelopeFor(
          t,
          seaKz,
          [seaRu],
          { text: 'Crew list' },
          { labels: { ...sea, category: 'personal-data', domain: 'border' } },
        ),
      });
      expect(border.ok, JSON.stringify(border)).to.equal(true);
    } finally {
      socket.disconnect();
    }
  });

  it('request types meant for any domain are offered in the new one; specialised ones are not', async () => {
    const templates = await call<TemplateView[]>(t.url, 'GET', '/api/requests/templates', {
      token: kz.session?.accessToken,
    });
    const offered = (kind: string): string[] => templates.body.find((tpl) => tpl.kind === kind)?.domains ?? [];
    expect(offered('request:best-practice')).to.include('maritime-security');
    expect(offered('request:person-entity-check')).to.include('maritime-security');
    expect(offered('request:document-check')).to.deep.equal(['border', 'law-enforcement']);
  });

  it('a focal point may be given only domains their state takes part in', async () => {
    await setParticipation(t, kz, ['border']);
    const fp = await activeFocalPoint(t, kz, ['border']);
    const outside = await call<{ error: { code: string } }>(t.url, 'PATCH', `/api/users/${fp.user.id}`, {
      token: kz.session?.accessToken,
      body: { domains: ['border', 'maritime-security'] },
    });
    expect(outside.status).to.equal(409);
    expect(outside.body.error.code).to.equal('domain.not-participating');
  });
  it('a domain is renamed by consensus: new names everywhere, the same code, nothing else changes', async () => {
    const rename = (domain: unknown) =>
      call<ProposalView & { error?: { code: string; message: string } }>(t.url, 'POST', '/api/proposals', {
        token: root.session?.accessToken,
        body: {
          change: { kind: 'rename-domain', domain },
          deadline: inHours(25),
          rationale: "The conference's own wording.",
        },
      });
    const unknown = await rename({ code: 'piracy', name: { en: 'Piracy', ru: 'Пиратство' } });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error?.message).to.contain('not a domain');
    const border = SEEDED_DOMAINS.find((d) => d.code === 'border');
    const unchanged = await rename(border);
    expect(unchanged.body.error?.message).to.contain('has these names already');

    const newNames = {
      code: 'border',
      name: { en: 'Border security and management', ru: 'Безопасность и управление границами' },
    };
    const proposal = await rename(newNames);
    expect(proposal.status).to.equal(201);
    expect((await rename({ ...newNames, name: { en: 'Borders', ru: 'Границы' } })).body.error?.message).to.contain(
      'open already',
    );
    expect((await domains()).find((d) => d.code === 'border')).to.deep.equal(border); // not before adoption

    const participationBefore = (
      await call<Array<{ code: string; domains: string[] }>>(t.url, 'GET', '/api/states', {
        token: kz.session?.accessToken,
      })
    ).body;
    t.clock.advance(26 * HOUR_MS);
    for (const person of [root, kz, ru]) await signIn(t, person);
    const adopted = await call<ProposalView>(t.url, 'GET', `/api/proposals/${proposal.body.id}`, {
      token: kz.session?.accessToken,
    });
    expect(adopted.body).to.include({ status: 'adopted' });
    const after = await domains();
    expect(after.find((d) => d.code === 'border')).to.deep.equal(newNames);
    expect(after.map((d) => d.code)).to.deep.equal([...SEEDED, 'maritime-security']); // same codes, same order
    const participationAfter = (
      await call<Array<{ code: string; domains: string[] }>>(t.url, 'GET', '/api/states', {
        token: kz.session?.accessToken,
      })
    ).body;
    expect(participationAfter.map((s) => [s.code, s.domains])).to.deep.equal(
      participationBefore.map((s) => [s.code, s.domains]),
    );
    const applied = await call<Array<{ type: string; data: { kind?: string } }>>(
      t.url,
      'GET',
      '/api/audit?type=consensus.applied',
      { token: root.session?.accessToken },
    );
    expect(applied.body.map((e) => e.data.kind)).to.include('rename-domain');
  });
});
