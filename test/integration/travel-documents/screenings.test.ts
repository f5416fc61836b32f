import { expect } from 'chai';
import type { TravelDocumentsApi } from '../../../client/sdk/api/travel-documents-api.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import type { SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import { epochs, fakeEntry, randomB64, refusal, rotate, travelApi } from '../../helpers/travel-documents.js';
import { auditEntries } from '../../helpers/audit.js';

describe('travel documents: screening counts, cleared hits and statistics', function () {
  let net: Network<SdkPerson, SdkMember>;
  let kz: TravelDocumentsApi;
  let ru: TravelDocumentsApi;
  let year: number;
  let month: string;

  before(async function () {
    net = await startSdkNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } }, KG: {} },
    });
    kz = travelApi(net.t, net.focalPoint('KZ'));
    ru = travelApi(net.t, net.focalPoint('RU'));
    await travelApi(net.t, net.admin('KZ')).setParticipation(true);
    await travelApi(net.t, net.admin('RU')).setParticipation(true);
    await rotate(kz, 'network');
    await rotate(kz, 'state:KZ');
    await rotate(ru, 'state:RU');
    const now = net.t.clock.now();
    year = now.getUTCFullYear();
    month = now.toISOString().slice(0, 7);
  });
  after(() => net.stop());

  it('counts screening reports per state and month, each report once', async function () {
    const id = randomB64(16);
    expect(await ru.reportScreening({ id, screened: 100, hits: 2 })).to.deep.equal({
      state: 'RU',
      month,
      screened: 100,
      hits: 2,
      reports: 1,
    });
    expect(await ru.reportScreening({ id, screened: 100, hits: 2 })).to.include({ screened: 100, reports: 1 });
    expect(await ru.reportScreening({ id: randomB64(16), screened: 50, hits: 0 })).to.include({
      screened: 150,
      hits: 2,
      reports: 2,
    });
    expect(await kz.reportScreening({ id: randomB64(16), screened: 7, hits: 1 })).to.deep.equal({
      state: 'KZ',
      month,
      screened: 7,
      hits: 1,
      reports: 1,
    });
    for (const bad of [
      { id: randomB64(16), screened: 1, hits: 2 },
      { id: randomB64(16), screened: 0, hits: 0 },
      { id: randomB64(16), screened: 1.5, hits: 0 },
      { id: 'short', screened: 1, hits: 0 },
      { id: randomB64(16), screened: 1, hits: 0, numbers: ['N1234567'] },
    ])
      expect(await refusal(ru.reportScreening(bad as never))).to.deep.equal({ status: 400, code: 'validation.failed' });
    const audit = await auditEntries(net.t, { type: 'travel-documents.screening-reported' });
    expect(audit.map((entry) => entry.data)).to.deep.equal([
      { state: 'RU', month, screened: 100, hits: 2 },
      { state: 'RU', month, screened: 50, hits: 0 },
      { state: 'KZ', month, screened: 7, hits: 1 },
    ]);
  });

  it("remembers cleared-hit markers per state, once each, for that state's holders only", async function () {
    const marker = { stateEpoch: 1, marker: randomB64(32) };
    expect(await ru.cleared()).to.deep.equal({ markers: [] });
    expect(await ru.addCleared(marker)).to.deep.equal({ markers: [marker] });
    expect(await ru.addCleared(marker)).to.deep.equal({ markers: [marker] });
    const second = { stateEpoch: 1, marker: randomB64(32) };
    expect((await ru.addCleared(second)).markers).to.deep.equal([marker, second]);
    expect(await kz.cleared()).to.deep.equal({ markers: [] });
    expect(await refusal(ru.addCleared({ stateEpoch: 0, marker: randomB64(32) }))).to.deep.equal({
      status: 400,
      code: 'validation.failed',
    });
    expect(await refusal(ru.addCleared({ stateEpoch: 1, marker: randomB64(16) }))).to.deep.equal({
      status: 400,
      code: 'validation.failed',
    });
  });

  it('gives the secretariat and national admins counts per state and month; the annual review has them too', async function () {
    const e = await epochs(kz);
    const entries = Array.from({ length: 4 }, () => fakeEntry(e));
    await kz.list({ entries });
    await kz.withdraw(entries[0]!.id, { reason: 'listed-in-error' });

    const statistics = await travelApi(net.t, net.root).statistics(year);
    expect(statistics.year).to.equal(year);
    const byState = Object.fromEntries(statistics.states.map((s) => [s.state, s]));
    expect(byState.KZ).to.deep.equal({
      state: 'KZ',
      participating: true,
      listedInYear: 4,
      withdrawnInYear: 1,
      current: 3,
      months: [{ month, screened: 7, hits: 1, reports: 1 }],
    });
    expect(byState.RU).to.deep.include({
      listedInYear: 0,
      current: 0,
      months: [{ month, screened: 150, hits: 2, reports: 2 }],
    });
    expect(byState.KG).to.deep.equal({
      state: 'KG',
      participating: false,
      listedInYear: 0,
      withdrawnInYear: 0,
      current: 0,
      months: [],
    });
    expect((await travelApi(net.t, net.admin('KG')).statistics(year)).states).to.have.length(statistics.states.length);
    expect((await travelApi(net.t, net.root).statistics(year - 1)).states.every((s) => s.listedInYear === 0)).to.equal(
      true,
    );
    expect(await refusal(kz.statistics(year))).to.deep.equal({ status: 403, code: 'auth.forbidden' });
    expect(await refusal(travelApi(net.t, net.root).statistics(1999))).to.deep.equal({
      status: 400,
      code: 'validation.failed',
    });

    const review = await net.root.client.review.get(year);
    expect(review.activities.travelDocuments).to.deep.equal([
      { state: 'KZ', month, listed: 4, withdrawn: 1, screened: 7, hits: 1 },
      { state: 'RU', month, listed: 0, withdrawn: 0, screened: 150, hits: 2 },
    ]);
    const kzReview = await net.admin('KZ').client.review.get(year);
    expect(kzReview.activities.travelDocuments.map((row) => row.state)).to.deep.equal(['KZ']);
  });
});
