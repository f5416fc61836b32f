import { expect } from 'chai';
import { ApiError, type FocalNetClient } from '../../../client/sdk/index.js';
import type { SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import type { StateCode } from '../../../shared/schemas/labels.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { DOC_FIELDS, DOC_LABELS } from '../../helpers/requests.js';
import { sdkClient } from '../../helpers/sdk.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: information-exchange requests', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let cn: TestPerson;
  let tjAdmin: TestPerson;

  /** An SDK client on the server's (test) clock, signed in with keys unlocked. */
  const clientOf = (person: TestPerson): Promise<FocalNetClient> =>
    sdkAs(t, person, { now: () => t.clock.now().getTime() });
  const recipient = (person: TestPerson): SealRecipient => ({
    userId: person.user.id,
    state: person.user.state as StateCode,
    encryptionKey: person.keys.encryption.publicKey,
  });

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { border: 1 } },
        CN: { focalPoints: { border: 1 } },
      },
    });
    ({ t } = net);
    tjAdmin = net.admin('TJ');
    [kz, tj, cn] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.focalPoint('CN')];
    await publishPolicy(
      t,
      net.admin('CN'),
      policyBody('CN', 1, [
        { id: 'no-inbound-doc-checks', direction: 'inbound', kinds: ['request:document-check'], effect: 'deny' },
      ]),
    );
  });
  after(async () => t.close());

  it('submits one sealed envelope per state (a refusal for one is reported, not thrown), answers, and lists', async () => {
    const requester = await clientOf(kz);
    expect((await requester.requests.templates()).map((x) => x.kind)).to.include('request:document-check');
    const invalid = await requester.requests
      .submit({
        kind: 'request:document-check',
        labels: DOC_LABELS,
        urgency: 'urgent',
        fields: { documentNumber: 'x' },
        recipients: [recipient(tj)],
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(invalid).to.be.instanceOf(ApiError);
    expect((invalid as ApiError).code).to.equal('validation.failed');

    const outcomes = await requester.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'urgent',
      fields: DOC_FIELDS,
      recipients: [recipient(tj), recipient(cn)],
    });
    expect(outcomes.map((o) => [o.state, o.ok])).to.deep.equal([
      ['TJ', true],
      ['CN', false],
    ]);
    const refused = outcomes[1]!;
    expect(!refused.ok && refused.error.code).to.equal('policy.denied');
    const first = outcomes[0]!;
    if (!first.ok) throw new Error('TJ refused');

    const requested = await clientOf(tj);
    const inbox = await requested.requests.list({ box: 'inbox' });
    const view = inbox.find((c) => c.id === first.caseId)!;
    expect(requested.requests.allowedActions(view)).to.include.members(['acknowledge', 'answer', 'decline']);
    expect(requester.requests.allowedActions(view)).to.deep.equal(['withdraw']);
    await requested.requests.transition({
      caseId: first.caseId,
      to: recipient(kz),
      action: 'answer',
      labels: { ...DOC_LABELS, handling: 'H2', evaluation: 'A1' },
      content: { result: 'genuine' },
    });
    const detail = await requester.requests.get(first.caseId);
    expect(detail.status).to.equal('answered');
    expect(detail.history[0]).to.include({ handling: 'H2', evaluation: 'A1' });

    const consent = await requester.requests.askConsent({
      originalCaseId: first.caseId,
      to: recipient(tj),
      labels: { ...DOC_LABELS, category: 'general' },
      urgency: 'standard',
      fields: { use: 'evidence', recipient: 'Court', justification: 'trial' },
    });
    if (!consent.ok) throw consent.error;
    await requested.requests.transition({
      caseId: consent.caseId,
      to: recipient(kz),
      action: 'answer',
      consent: 'granted',
      labels: { ...DOC_LABELS, category: 'general' },
    });
    expect((await requester.requests.get(consent.caseId)).consent).to.equal('granted');

    const admin = await clientOf(tjAdmin);
    expect((await admin.requests.statistics()).rows.map((r) => [r.state, r.received])).to.deep.equal([['TJ', 2]]);
    expect(await admin.requests.overdue()).to.deep.equal([]);
  });

  it('a request whose answer was lost on the way is sent again as the same envelope: one case, not two', async () => {
    let lost = 0;
    // The request reaches the server and is stored, but the answer never comes back (once).
    const flaky = sdkClient(t, {
      now: () => t.clock.now().getTime(),
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).endsWith('/api/messages') && init?.method === 'POST' && lost === 0) {
          lost += 1;
          throw new TypeError('fetch failed: connection reset');
        }
        return response;
      },
    });
    await flaky.signIn({ username: kz.username, password: kz.password });
    await flaky.unlockKeys({ password: kz.password });
    const before = (await flaky.requests.list({ box: 'outbox' })).length;
    const [outcome] = await flaky.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'routine',
      fields: DOC_FIELDS,
      recipients: [recipient(tj)],
    });
    expect(lost).to.equal(1);
    expect(outcome?.ok).to.equal(true);
    const outbox = await flaky.requests.list({ box: 'outbox' });
    expect(outbox.length).to.equal(before + 1);
    expect(outbox.map((c) => c.id)).to.include(outcome?.ok ? outcome.caseId : 'none');
  });
});
