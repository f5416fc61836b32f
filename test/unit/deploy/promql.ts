import { parser } from '@prometheus-io/lezer-promql';

/** Grafana's range variables, replaced by a plain duration so the expression is plain PromQL. */
const GRAFANA_DURATIONS = /\$__(rate_interval|interval|range)\b/g;

export interface PromqlReading {
  /** Syntax errors, by position; empty when the expression parses. */
  errors: string[];
  /** Metric names of the vector selectors. */
  metrics: string[];
  /** Label names in matchers, `by (…)` and `without (…)`. */
  labels: string[];
}

/** Reads a PromQL expression with Prometheus's own grammar (lezer-promql). */
export function readPromql(grafanaExpr: string): PromqlReading {
  const expr = grafanaExpr.replace(GRAFANA_DURATIONS, '5m');
  const reading: PromqlReading = { errors: [], metrics: [], labels: [] };
  const cursor = parser.parse(expr).cursor();
  do {
    const text = expr.slice(cursor.from, cursor.to);
    if (cursor.type.isError) reading.errors.push(`at ${cursor.from}: "${expr.slice(cursor.from, cursor.from + 20)}"`);
    else if (cursor.type.name === 'Identifier' && cursor.node.parent?.type.name === 'VectorSelector')
      reading.metrics.push(text);
    else if (cursor.type.name === 'LabelName') reading.labels.push(text);
  } while (cursor.next());
  return reading;
}
