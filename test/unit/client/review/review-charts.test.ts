import { expect } from 'chai';
import type { ImplementationReview } from '../../../../shared/schemas/review.js';
import { REVIEW_CHARTS, seriesTotals } from '../../../../client/src/features/review/review-charts.js';

const exchange = { withConditions: 0, held: 0 };
const review = {
  exchanges: [
    { fromState: 'KZ', toState: 'RU', domain: 'border', allowed: 2, denied: 1, ...exchange },
    { fromState: 'UZ', toState: 'RU', domain: 'border', allowed: 3, denied: 0, ...exchange, held: 1 },
    { fromState: 'KZ', toState: 'UZ', domain: 'economic-crime', allowed: 0, denied: 0, ...exchange },
  ],
  requests: [
    {
      requesterState: 'KZ',
      requestedState: 'RU',
      domain: 'border',
      submitted: 4,
      answered: 2,
      declined: 1,
      overdue: 1,
    },
    {
      requesterState: 'UZ',
      requestedState: 'RU',
      domain: 'border',
      submitted: 1,
      answered: 1,
      declined: 0,
      overdue: 0,
    },
  ],
  upkeep: [],
} as unknown as ImplementationReview;

const chart = (name: string) => {
  const spec = REVIEW_CHARTS.find((c) => c.name === name);
  if (!spec) throw new Error(name);
  return spec;
};

describe('review: chart data', () => {
  it('sums exchanges per domain and decision, leaving out zero counts', () => {
    expect(chart('exchanges').data(review)).to.have.deep.members([
      { group: 'border', series: 'allowed', value: 5 },
      { group: 'border', series: 'held', value: 1 },
      { group: 'border', series: 'denied', value: 1 },
    ]);
  });

  it('sums requests per requested state: answered, declined, overdue', () => {
    expect(chart('requests').data(review)).to.have.deep.members([
      { group: 'RU', series: 'answered', value: 3 },
      { group: 'RU', series: 'declined', value: 1 },
      { group: 'RU', series: 'overdue', value: 1 },
    ]);
  });

  it('totals each series in the chart order for the text summary, zeros included', () => {
    const spec = chart('exchanges');
    expect(seriesTotals(spec, spec.data(review))).to.deep.equal([
      { series: 'allowed', total: 5 },
      { series: 'withConditions', total: 0 },
      { series: 'held', total: 1 },
      { series: 'denied', total: 1 },
    ]);
    expect(chart('upkeep').data(review)).to.deep.equal([]);
  });
});
