import { expect } from 'chai';
import type { RequestCaseView } from '../../../shared/schemas/requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, requestEnvelope, sent } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntry } from '../../helpers/audit.js';

describe('requests: case references (KZ→TJ-2026-0042)', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson[];
  let tj: TestPerson[];
  let year: number;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 2 } }, TJ: { focalPoints: { border: 2 } } },
    });
    ({ t } = net);
    kz = [net.focalPoint('KZ'), net.focalPoint('KZ', 1)];
    tj = [net.focalPoint('TJ'), net.focalPoint('TJ', 1)];
    year = t.clock.now().getUTCFullYear();
  });
  after(async () => t.close());

  const submit = async (from: TestPerson, to: TestPerson): Promise<string> =>
    sent(t, from, await requestEnvelope(t, from, to, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }));
  const search = async (person: TestPerson, box: 'inbox' | 'outbox', reference: string): Promise<RequestCaseView[]> => {
    const response = await call<RequestCaseView[]>(
      t.url,
      'GET',
      `/api/requests?box=${box}&reference=${encodeURIComponent(reference)}`,
      { token: person.session?.accessToken },
    );
    expect(response.status).to.equal(200);
    return response.body;
  };
  const reference = (pair: string, no: number): string => `${pair}-${year}-${String(no).padStart(4, '0')}`;

  it('numbers each case in its pair of states and year, on the case, its lists and its audit entry', async () => {
    const first = await submit(kz[0]!, tj[0]!);
    const view = await caseOf(t, tj[0]!, first);
    expect(view.reference).to.equal(reference('KZ→TJ', 1));
    expect(view.reference).to.match(/^KZ→TJ-\d{4}-\d{4}$/);
    // The other direction is its own sequence.
    const back = await submit(tj[1]!, kz[1]!);
    expect((await caseOf(t, kz[1]!, back)).reference).to.equal(reference('TJ→KZ', 1));
    expect((await caseOf(t, kz[0]!, await submit(kz[0]!, tj[1]!))).reference).to.equal(reference('KZ→TJ', 2));
    const inbox = await search(tj[0]!, 'inbox', view.reference);
    expect(inbox.map((c) => c.reference)).to.deep.equal([view.reference]);
    const audit = await auditEntry(t, { subjectId: first, type: 'request.submitted' });
    expect(audit?.data).to.include({ reference: view.reference });
  });

  it('gives concurrent requests of one pair distinct numbers, after those already given', async () => {
    const before = (await search(kz[0]!, 'outbox', 'KZ→TJ')).length + (await search(kz[1]!, 'outbox', 'KZ→TJ')).length;
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(kz[i % 2]!, tj[Math.floor(i / 2) % 2]!)));
    const references = await Promise.all(
      ids.map(async (id) => (await caseOf(t, tj[0]!, id).catch(() => caseOf(t, tj[1]!, id))).reference),
    );
    expect(new Set(references).size).to.equal(12);
    const numbers = references.map((r) => Number(r.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers[0]).to.be.greaterThan(before);
    const stored = await t.server.database.connection.collection('request_cases').countDocuments({});
    expect(await t.server.database.connection.collection('request_cases').distinct('reference')).to.have.length(stored);
  });

  it('never gives a number twice, even when the counter hands one out again', async () => {
    const counters = t.server.database.connection.collection<{ _id: string; n: number }>('request_reference_counters');
    await counters.updateOne({ _id: `KZ→TJ:${year}` }, { $set: { n: 1 } }); // as a lost increment would leave it
    const id = await submit(kz[1]!, tj[1]!);
    const view = await caseOf(t, tj[1]!, id);
    const taken = await t.server.database.connection
      .collection('request_cases')
      .countDocuments({ reference: view.reference });
    expect(taken).to.equal(1);
    expect(view.reference).to.not.equal(reference('KZ→TJ', 2));
  });

  it('finds cases by their reference, whole or its beginning, typed with -> and in lower case', async () => {
    const id = await submit(kz[0]!, tj[0]!);
    const { reference: ref } = await caseOf(t, kz[0]!, id);
    expect((await search(kz[0]!, 'outbox', ref)).map((c) => c.id)).to.deep.equal([id]);
    const typed = ref.replace('→', '->').toLowerCase();
    expect((await search(kz[0]!, 'outbox', typed)).map((c) => c.id)).to.deep.equal([id]);
    const pairAndYear = await search(tj[0]!, 'inbox', `kz > tj-${year}`);
    expect(pairAndYear.map((c) => c.id)).to.include(id);
    expect(pairAndYear.every((c) => c.reference.startsWith(`KZ→TJ-${year}-`))).to.equal(true);
    expect(await search(tj[0]!, 'inbox', 'TJ→KZ')).to.deep.equal([]); // the other direction is not in this inbox
    expect(await search(kz[0]!, 'outbox', `KZ→TJ-${year}-9999`)).to.deep.equal([]);
    // A pattern is matched as text, not as a regular expression.
    expect(await search(kz[0]!, 'outbox', 'KZ.*')).to.deep.equal([]);
  });
});
