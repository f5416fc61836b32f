import type { ImplementationReview } from '../../../../shared/schemas/review';

/** One bar: a group (a domain or a state, by code), a series (a column of the review's tables) and its count. */
export interface ChartDatum {
  group: string;
  series: string;
  value: number;
}

/** A chart of the review: what it groups by, which figures it shows (in stacking order), and its data. */
export interface ReviewChartSpec {
  name: 'exchanges' | 'requests' | 'upkeep';
  groupKind: 'domain' | 'state';
  /** Stacked parts of one whole (exchanges by decision), or separate indicators side by side (upkeep). */
  layout: 'stacked' | 'faceted';
  series: readonly string[];
  data: (review: ImplementationReview) => ChartDatum[];
}

/** Sums `series` of `rows` per group; zero counts draw no bar and are left out. */
function sumBy<Row>(
  rows: readonly Row[],
  group: (row: Row) => string,
  series: readonly (keyof Row & string)[],
): ChartDatum[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (const key of series) {
      const id = `${group(row)}\u0000${key}`;
      totals.set(id, (totals.get(id) ?? 0) + Number(row[key]));
    }
  }
  return [...totals]
    .map(([id, value]) => {
      const [groupCode = '', seriesKey = ''] = id.split('\u0000');
      return { group: groupCode, series: seriesKey, value };
    })
    .filter((datum) => datum.value > 0);
}

const EXCHANGE_SERIES = ['allowed', 'withConditions', 'held', 'denied'] as const;
const REQUEST_SERIES = ['answered', 'declined', 'overdue'] as const;
const UPKEEP_SERIES = ['entriesConfirmed', 'livenessAnswered', 'accountsActivated', 'policyVersions'] as const;

/** The charts above the tables; the tables stay as the figures' text equivalent. */
export const REVIEW_CHARTS: readonly ReviewChartSpec[] = [
  {
    name: 'exchanges',
    groupKind: 'domain',
    layout: 'stacked',
    series: EXCHANGE_SERIES,
    data: (review) => sumBy(review.exchanges, (row) => row.domain, EXCHANGE_SERIES),
  },
  {
    // Per requested state: the state whose desk had to answer.
    name: 'requests',
    groupKind: 'state',
    layout: 'stacked',
    series: REQUEST_SERIES,
    data: (review) => sumBy(review.requests, (row) => row.requestedState, REQUEST_SERIES),
  },
  {
    name: 'upkeep',
    groupKind: 'state',
    layout: 'faceted',
    series: UPKEEP_SERIES,
    data: (review) => sumBy(review.upkeep, (row) => row.state, UPKEEP_SERIES),
  },
];

/** Each series' total over every group, in the chart's order: the chart's one-line text summary. */
export function seriesTotals(spec: ReviewChartSpec, data: readonly ChartDatum[]): { series: string; total: number }[] {
  return spec.series.map((series) => ({
    series,
    total: data.filter((d) => d.series === series).reduce((sum, d) => sum + d.value, 0),
  }));
}
