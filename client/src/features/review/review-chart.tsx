// Charts with Observable Plot: it turns the review's rows into plain SVG (no canvas, no runtime
// layout observers), so a chart prints as crisply as the text around it and each bar can carry its
// figure as an accessible label. It is small, framework-free and kept by the authors of D3; React
// only hands it a container. (Recharts would tie the charts to React and to a resize observer that
// misjudges the page width when printing.)
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImplementationReview } from '../../../../shared/schemas/review';
import { useLabels } from '../../components/use-labels';
import { keyFor } from '../../i18n/keys';
import { seriesTotals, type ChartDatum, type ReviewChartSpec } from './review-charts';

/** Colours for the figures that carry a meaning (allowed green, held amber, denied red); others from a colour-blind-safe set. */
const COLOURS: Readonly<Record<string, string>> = {
  allowed: '#2f855a',
  withConditions: '#3182ce',
  held: '#c05621',
  denied: '#c53030',
  answered: '#2f855a',
  declined: '#718096',
  overdue: '#c53030',
  entriesConfirmed: '#2b6cb0',
  livenessAnswered: '#2f855a',
  accountsActivated: '#6b46c1',
  policyVersions: '#b7791f',
};
const MAX_WIDTH = 760;
/** Room for a domain's or state's name left of its bars: about 15 characters a line, two lines. */
const LABEL_MARGIN = 170;
const LABEL_EMS = 15;

interface LabelledDatum extends ChartDatum {
  groupLabel: string;
  seriesLabel: string;
  label: string;
}

/** One chart under its title, with a sentence of totals; the table below it has every figure. */
export function ReviewChart({ spec, review }: { spec: ReviewChartSpec; review: ImplementationReview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const container = useRef<HTMLDivElement>(null);
  const data = spec.data(review);
  const seriesLabel = (series: string): string => t(keyFor('review.column', series));
  const title = t(keyFor('review.chart', spec.name));
  const summary = t('review.chart.summary', {
    list: seriesTotals(spec, data)
      .map(({ series, total }) => `${seriesLabel(series)}: ${total}`)
      .join('; '),
  });
  const groupLabel = (code: string): string => (spec.groupKind === 'domain' ? labels.domain(code) : labels.state(code));
  const labelled: LabelledDatum[] = data.map((d) => ({
    ...d,
    groupLabel: groupLabel(d.group),
    seriesLabel: seriesLabel(d.series),
    label: `${groupLabel(d.group)}, ${seriesLabel(d.series)}: ${d.value}`,
  }));
  // The plot is drawn again whenever its words change (language) or its figures (another review).
  const drawn = JSON.stringify(labelled);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const rows = JSON.parse(drawn) as LabelledDatum[];
    if (rows.length === 0) return;
    const shown = spec.series.filter((s) => rows.some((d) => d.series === s));
    const domain = shown.map((s) => rows.find((d) => d.series === s)?.seriesLabel ?? s);
    const faceted = spec.layout === 'faceted';
    const groups = new Set(rows.map((d) => d.groupLabel)).size;
    const barLength = new Map<string, number>();
    for (const d of rows) {
      const bar = faceted ? `${d.group}/${d.series}` : d.group; // stacked: a group's parts make one bar
      barLength.set(bar, (barLength.get(bar) ?? 0) + d.value);
    }
    const max = Math.max(...barLength.values());
    // Counts are whole numbers: ticks at whole steps only, at most about eight of them.
    const step = Math.max(1, Math.ceil(max / 8));
    const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
    // Stacked: one bar per group, split by series. Grouped (upkeep): per state, one bar per indicator.
    const bars = faceted
      ? Plot.barX(rows, {
          x: 'value',
          fy: 'groupLabel',
          y: 'seriesLabel',
          fill: 'seriesLabel',
          title: 'label',
          ariaLabel: 'label',
        })
      : Plot.barX(rows, { x: 'value', y: 'groupLabel', fill: 'seriesLabel', title: 'label', ariaLabel: 'label' });
    const plot = Plot.plot({
      width: Math.min(MAX_WIDTH, element.clientWidth || MAX_WIDTH),
      height: faceted ? 50 + groups * (shown.length * 18 + 14) : 60 + groups * 46,
      marginLeft: LABEL_MARGIN,
      marginRight: 16,
      ariaLabel: title,
      ariaDescription: summary,
      style: { background: 'white', color: '#1a202c', fontSize: '12px' },
      color: { legend: true, domain, range: shown.map((s) => COLOURS[s] ?? '#4a5568') },
      x: { grid: true, label: null, ticks, tickFormat: 'd' },
      // The axes are drawn by the axis marks below (to wrap long names), not by the scales.
      y: { label: null, axis: null, padding: 0.25 },
      fy: { label: null, padding: 0.15 },
      marks: [
        // Long names (domains, states) wrap onto a second line rather than being cut off.
        faceted
          ? Plot.axisFy({ anchor: 'left', label: null, lineWidth: LABEL_EMS })
          : Plot.axisY({ label: null, lineWidth: LABEL_EMS }),
        bars,
        Plot.ruleX([0]),
      ],
    });
    element.replaceChildren(plot);
    return () => plot.remove();
  }, [drawn, spec, title, summary]);

  return (
    <figure
      className="review-chart"
      data-testid={`review-chart-${spec.name}`}
      data-values={JSON.stringify(data)}
      aria-labelledby={`review-chart-${spec.name}-title`}
    >
      <figcaption>
        <h4 id={`review-chart-${spec.name}-title`}>{title}</h4>
        <p className="hint" data-testid="chart-summary">
          {data.length === 0 ? t('review.empty') : summary}
        </p>
      </figcaption>
      <div ref={container} className="review-chart-plot" />
    </figure>
  );
}
