import { expect } from 'chai';
import { deputyCoverage, isApiError } from '../../../client/sdk/index.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import type { SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import { auditEntries } from '../../helpers/audit.js';

const HOUR = 3_600_000;

/** The refusal's code and the fields it names. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, fields: error.issues.map((issue) => issue.path.join('.')) };
}

describe('directory: away with a deputy, duty desks', function () {
  this.timeout(120_000);
  let net: Network<SdkPerson, SdkMember>;
  let [absent, deputy, borderAndCrime, crimeOnly, desk, tj]: SdkMember[] = [];
  let kzAdmin: SdkMember;
  const iso = (offsetMs: number): string => new Date(net.t.clock.now().getTime() + offsetMs).toISOString();

  before(async () => {
    net = await startSdkNetwork({
      states: {
        KZ: {
          focalPoints: [['border'], ['border'], ['border', 'economic-crime'], ['economic-crime'], ['border']],
        },
        TJ: { focalPoints: { border: 1 } },
      },
    });
    [absent, deputy, borderAndCrime, crimeOnly, desk] = net.focalPoints.KZ!;
    tj = net.focalPoint('TJ');
    kzAdmin = net.admin('KZ');
  });
  after(async () => net.stop());

  it('refuses a deputy who is oneself, of another state, sharing no domain, or away then; and a period that ends before it starts', async () => {
    const away = (deputyUserId: string, extra = {}) =>
      absent!.client.directory.markAway(absent!.id, { deputyUserId, ...extra });
    expect(await refusal(away(absent!.id))).to.deep.equal({
      code: 'validation.failed',
      fields: ['body.deputyUserId'],
    });
    expect(await refusal(away(tj!.id))).to.deep.equal({ code: 'validation.failed', fields: ['body.deputyUserId'] });
    expect(await refusal(away(crimeOnly!.id))).to.deep.equal({
      code: 'validation.failed',
      fields: ['body.deputyUserId'],
    });
    expect(await refusal(away(deputy!.id, { from: iso(2 * HOUR), until: iso(HOUR) }))).to.deep.equal({
      code: 'validation.failed',
      fields: ['body.until'],
    });
    // Someone away during the absence cannot stand in: a planned absence of the deputy counts.
    await borderAndCrime!.client.directory.markAway(borderAndCrime!.id, {
      deputyUserId: deputy!.id,
      from: iso(24 * HOUR),
      until: iso(48 * HOUR),
    });
    expect(await refusal(away(borderAndCrime!.id, { until: iso(30 * HOUR) }))).to.deep.equal({
      code: 'validation.failed',
      fields: ['body.deputyUserId'],
    });
    // Before the deputy's absence starts they may stand in.
    await away(borderAndCrime!.id, { until: iso(2 * HOUR) });
    await borderAndCrime!.client.directory.clearAway(borderAndCrime!.id);
    await absent!.client.directory.clearAway(absent!.id);
    // A focal point of another state, or another focal point, cannot mark someone away.
    expect((await refusal(tj!.client.directory.markAway(absent!.id, { deputyUserId: deputy!.id }))).code).to.equal(
      'auth.forbidden',
    );
    expect((await refusal(deputy!.client.directory.markAway(absent!.id, { deputyUserId: deputy!.id }))).code).to.equal(
      'auth.forbidden',
    );
  });

  it('shows who is away until when and their deputy, and on the deputy who they stand in for; coming back ends both', async () => {
    const until = iso(72 * HOUR);
    const marked = await absent!.client.directory.markAway(absent!.id, {
      deputyUserId: deputy!.id,
      until,
      note: 'On mission; urgent matters to my deputy',
    });
    expect(marked.away).to.deep.include({ active: true, until, note: 'On mission; urgent matters to my deputy' });
    expect(marked.away?.deputy?.userId).to.equal(deputy!.id);
    // Another state sees the absence and the deputy, not the note.
    const seenByTj = await tj!.client.directory.entry(absent!.id);
    expect(seenByTj.away).to.deep.include({ active: true, until });
    expect(seenByTj.away?.deputy?.userId).to.equal(deputy!.id);
    expect(seenByTj.away).to.not.have.property('note');
    const deputyEntry = await tj!.client.directory.entry(deputy!.id);
    expect(deputyEntry.covering?.map((c) => [c.userId, c.until])).to.deep.equal([[absent!.id, until]]);
    const found = await tj!.client.directory.search({ states: ['KZ'], pageSize: 100 });
    expect(found.entries.find((e) => e.userId === absent!.id)?.away?.deputy?.userId).to.equal(deputy!.id);

    // The roster (what alerts ask) names the deputy; the deputy, who is present, has nobody standing in.
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([deputy!.id]);
    expect(await net.t.server.dutyRoster.deputiesOf(deputy!.id)).to.deep.equal([]);

    // Their national admin brings them back (they came back early); both entries say so at once.
    const back = await kzAdmin.client.directory.clearAway(absent!.id);
    expect(back).to.not.have.property('away');
    expect(await tj!.client.directory.entry(deputy!.id)).to.not.have.property('covering');
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([]);
    // Saying "I'm back" twice is no error.
    expect(await absent!.client.directory.clearAway(absent!.id)).to.not.have.property('away');

    const audit = await auditEntries(net.t, {
      subjectId: absent!.id,
      type: { $in: ['directory.away-set', 'directory.away-cleared'] },
    });
    expect(audit.slice(-2).map((entry) => [entry.type, String(entry.actorId)])).to.deep.equal([
      ['directory.away-set', absent!.id],
      ['directory.away-cleared', kzAdmin.id],
    ]);
  });

  it('a planned absence shows as planned, starts by itself and ends at its end', async () => {
    await kzAdmin.client.directory.markAway(absent!.id, {
      deputyUserId: deputy!.id,
      from: iso(HOUR),
      until: iso(3 * HOUR),
    });
    expect((await tj!.client.directory.entry(absent!.id)).away?.active).to.equal(false);
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([]);
    net.t.clock.advance(2 * HOUR);
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([deputy!.id]);
    net.t.clock.advance(2 * HOUR);
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([]);
  });

  it('a national admin names the members of a duty desk; the desk entry lists them', async () => {
    expect(await refusal(kzAdmin.client.directory.setDeskMembers(desk!.id, [absent!.id]))).to.deep.equal({
      code: 'validation.failed',
      fields: ['params.userId'],
    });
    await kzAdmin.client.directory.updateEntry(desk!.id, { kind: 'duty-desk', name: { en: 'KZ border duty desk' } });
    expect(await refusal(kzAdmin.client.directory.setDeskMembers(desk!.id, [absent!.id, tj!.id]))).to.deep.equal({
      code: 'validation.failed',
      fields: ['body.members.1'],
    });
    expect((await refusal(absent!.client.directory.setDeskMembers(desk!.id, [absent!.id]))).code).to.equal(
      'auth.forbidden',
    );
    const entry = await kzAdmin.client.directory.setDeskMembers(desk!.id, [absent!.id, deputy!.id, absent!.id]);
    expect(entry.members?.map((m) => m.userId)).to.deep.equal([absent!.id, deputy!.id]);
    expect((await tj!.client.directory.entry(desk!.id)).members?.map((m) => m.userId)).to.deep.equal([
      absent!.id,
      deputy!.id,
    ]);
  });

  it("a state that withholds its deputies shows others the absence only: the sender's client adds no deputy and says why", async () => {
    await kzAdmin.client.policies.signAndPublish({
      state: 'KZ',
      version: 1,
      defaultEffect: 'allow',
      rules: [],
      directoryFields: [{ field: 'deputy', visibleTo: [], secretariat: false }],
    });
    await absent!.client.directory.markAway(absent!.id, { deputyUserId: deputy!.id });
    const seenByTj = await tj!.client.directory.entry(absent!.id);
    expect(seenByTj.away?.active).to.equal(true);
    expect(seenByTj.away).to.not.have.property('deputy');
    expect(await tj!.client.directory.entry(deputy!.id)).to.not.have.property('covering');
    expect(await deputyCoverage(tj!.client.directory, [absent!.id], 'border')).to.deep.equal({
      deputies: [],
      away: [{ userId: absent!.id, name: seenByTj.name.en, until: null, skipped: 'withheld' }],
    });
    // Their own state still sees who stands in.
    expect((await deputy!.client.directory.entry(absent!.id)).away?.deputy?.userId).to.equal(deputy!.id);
    await absent!.client.directory.clearAway(absent!.id);
  });

  it('a deputy who goes away later stops standing in: nobody is followed further', async () => {
    await absent!.client.directory.markAway(absent!.id, { deputyUserId: deputy!.id });
    await deputy!.client.directory.markAway(deputy!.id, { deputyUserId: borderAndCrime!.id });
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([]);
    expect(await net.t.server.dutyRoster.deputiesOf(deputy!.id)).to.deep.equal([borderAndCrime!.id]);
    expect(
      (await borderAndCrime!.client.directory.entry(borderAndCrime!.id)).covering?.map((c) => c.userId),
    ).to.deep.equal([deputy!.id]);
    await deputy!.client.directory.clearAway(deputy!.id);
    expect(await net.t.server.dutyRoster.deputiesOf(absent!.id)).to.deep.equal([deputy!.id]);
    await absent!.client.directory.clearAway(absent!.id);
  });
});
