import { expect } from 'chai';
import type { Labels } from '../../../shared/schemas/labels.js';
import type { AuditEntry } from '../../../server/modules/audit/audit-entry.js';
import {
  createPolicyEnforcement,
  decideExchange,
  type ExchangeToDecide,
  type PolicyEnforcement,
} from '../../../server/modules/policies/enforce-policy.js';
import { activeNationalAdmin, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startSiblingNode, type TestServer } from '../../helpers/test-server.js';

const label = (partial: Partial<Labels>): Labels => ({
  domain: 'border',
  category: 'general',
  classification: 'restricted',
  handling: 'H1',
  ...partial,
});

describe('enforcing policies: decideExchange', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let enforcement: PolicyEnforcement;
  before(async () => {
    const net = await startNetwork({ states: { KZ: {}, RU: {} } });
    ({ t, root } = net);
    kz = net.admin('KZ');
    const ru = net.admin('RU');
    enforcement = createPolicyEnforcement(t.server.policies);
    await publishPolicy(
      t,
      kz,
      policyBody('KZ', 1, [
        {
          id: 'kz-no-pd-to-ru',
          direction: 'outbound',
          categories: ['personal-data'],
          counterparts: ['RU'],
          effect: 'deny',
          legalBasis: { en: 'Law on personal data, art. 16' },
        },
        { id: 'kz-hold-confidential', direction: 'outbound', classifications: ['confidential'], effect: 'approve' },
      ]),
    );
    await publishPolicy(
      t,
      ru,
      policyBody('RU', 1, [
        {
          id: 'ru-fin-in',
          direction: 'inbound',
          categories: ['financial'],
          effect: 'conditions',
          conditions: { noOnwardDissemination: true, retentionDays: 30 },
        },
      ]),
    );
  });
  after(async () => t.close());

  const exchange = (partial: Partial<ExchangeToDecide>): ExchangeToDecide => ({
    labels: label({}),
    kind: 'message',
    fromState: 'KZ',
    toStates: ['RU'],
    at: t.clock.now(),
    actorId: kz.user.id,
    ...partial,
  });
  const lastDecisionEntry = async (): Promise<AuditEntry> => {
    const entries = (await t.server.auditEntries.list({ limit: 10_000 })).filter(
      (entry) => entry.type === 'policy.decision',
    );
    const last = entries.at(-1);
    if (!last) throw new Error('no policy.decision entry');
    return last;
  };

  it('deny: the rule that decided, with its legal basis; audited with the policy versions applied, metadata only', async () => {
    const decision = await enforcement.decideExchange(
      exchange({ labels: label({ category: 'personal-data' }), exchangeRef: 'msg-1' }),
    );
    expect(decision.effect).to.equal('deny');
    expect(decision.perRecipient[0]?.reasons.map((r) => [r.state, r.ruleId, r.legalBasis.en])).to.deep.equal([
      ['KZ', 'kz-no-pd-to-ru', 'Law on personal data, art. 16'],
    ]);
    const entry = await lastDecisionEntry();
    expect(entry).to.deep.include({ state: 'KZ', actorId: kz.user.id, subjectId: 'msg-1' });
    expect(entry.data).to.deep.include({
      effect: 'deny',
      kind: 'message',
      category: 'personal-data',
      toStates: ['RU'],
      perRecipient: ['RU:deny'],
      policyVersions: ['KZ@1', 'RU@1'],
      rules: ['KZ@1/outbound/kz-no-pd-to-ru'],
    });
    expect(JSON.stringify(entry)).not.to.contain('Law on personal data');
  });

  it('approve: held for a national admin, and audited as such', async () => {
    const decision = await enforcement.decideExchange(exchange({ labels: label({ classification: 'confidential' }) }));
    expect(decision.effect).to.equal('approve');
    expect((await lastDecisionEntry()).data).to.deep.include({
      effect: 'approve',
      rules: ['KZ@1/outbound/kz-hold-confidential'],
    });
  });

  it("conditions: merged from the recipient's inbound rule; per recipient with several states", async () => {
    const decision = await decideExchange(
      t.server.policies,
      exchange({ labels: label({ category: 'financial', domain: 'economic-crime' }), toStates: ['RU', 'CN', 'RU'] }),
    );
    expect(decision.effect).to.equal('conditions');
    expect(decision.conditions).to.deep.equal({ noOnwardDissemination: true, retentionDays: 30 });
    expect(decision.perRecipient.map((r) => [r.state, r.effect])).to.deep.equal([
      ['RU', 'conditions'],
      ['CN', 'allow'],
    ]);
    const entry = await lastDecisionEntry();
    expect(entry.data).to.deep.include({
      effect: 'conditions',
      toStates: ['RU', 'CN'],
      perRecipient: ['RU:conditions', 'CN:allow'],
      policyVersions: ['KZ@1', 'RU@1'],
    });
    // The entry is KZ's: RU's unpublished rule is named only as such, as the sender sees it.
    expect(entry.data.rules).to.include.members(['RU@1/inbound/unpublished', 'CN@none/inbound/no-policy']);
    expect(entry.data.rules).not.to.include('RU@1/inbound/ru-fin-in');
  });

  it('a new version applies to the next decision — also on another server node with its own cache', async () => {
    const other = await startSiblingNode(t);
    try {
      const input = exchange({ labels: label({ category: 'personal-data' }) });
      expect((await decideExchange(other.server.policies, input)).effect).to.equal('deny'); // node 2 caches KZ v1
      await publishPolicy(t, kz, policyBody('KZ', 2, [])); // published through node 1
      const onOther = await decideExchange(other.server.policies, { ...input, at: t.clock.now() });
      expect(onOther.effect).to.equal('allow');
      expect(onOther.perRecipient[0]?.policyVersions).to.deep.equal({ KZ: 2, RU: 1 });
      expect((await decideExchange(t.server.policies, input)).effect).to.equal('allow');
      expect((await lastDecisionEntry()).data).to.deep.include({ policyVersions: ['KZ@2', 'RU@1'] });

      // A state without a policy so far (node 2 remembers "none") publishes its first version.
      const toTr = exchange({ toStates: ['TR'] });
      expect((await decideExchange(other.server.policies, toTr)).effect).to.equal('allow');
      const tr = await activeNationalAdmin(t, root, 'TR');
      await publishPolicy(t, tr, policyBody('TR', 1, [{ id: 'tr-closed', direction: 'inbound', effect: 'deny' }]));
      const first = await decideExchange(other.server.policies, { ...toTr, at: t.clock.now() });
      expect(first.effect).to.equal('deny');
      expect(first.perRecipient[0]?.policyVersions).to.deep.equal({ KZ: 2, TR: 1 });
    } finally {
      await other.close();
    }
  });

  it('states without a policy allow, and say so', async () => {
    const decision = await decideExchange(t.server.policies, exchange({ fromState: 'CN', toStates: ['TH'] }));
    expect(decision.effect).to.equal('allow');
    expect(decision.perRecipient[0]?.reasons.map((r) => r.ruleId)).to.deep.equal(['no-policy', 'no-policy']);
    const entry = await lastDecisionEntry();
    expect(entry.state).to.equal('CN');
    expect(entry.data).to.deep.include({
      policyVersions: [],
      rules: ['CN@none/outbound/no-policy', 'TH@none/inbound/no-policy'],
    });
  });
});
