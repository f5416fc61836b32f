import { expect } from 'chai';
import { parse } from 'yaml';
import { createMetrics } from '../../../server/observability/metrics.js';
import { userRoom } from '../../../server/realtime/socket-auth.js';
import { readPromql } from './promql.js';
import { readRepoFile } from './repo-files.js';

type MetricType = 'counter' | 'gauge' | 'histogram';

/** The metrics the dashboard may use, with their labels; checked below against what a server exposes. */
const CONTRACT_METRICS: Record<string, { type: MetricType; labels: string[] }> = {
  focalnet_build_info: { type: 'gauge', labels: ['version'] },
  focalnet_exchanges_total: { type: 'counter', labels: ['domain', 'outcome'] },
  focalnet_policy_decisions_total: { type: 'counter', labels: ['decision'] },
  focalnet_relay_ack_seconds: { type: 'histogram', labels: [] },
  focalnet_live_delivery_seconds: { type: 'histogram', labels: [] },
  focalnet_queued_copies: { type: 'gauge', labels: [] },
  focalnet_sockets: { type: 'gauge', labels: [] },
  focalnet_backlog_drains_total: { type: 'counter', labels: [] },
  focalnet_backlog_drained_copies_total: { type: 'counter', labels: [] },
  focalnet_audit_appends_total: { type: 'counter', labels: [] },
  focalnet_audit_segments_total: { type: 'counter', labels: [] },
  focalnet_db_command_seconds: { type: 'histogram', labels: ['command'] },
  focalnet_embedded_db_restarts_total: { type: 'counter', labels: [] },
  focalnet_sweep_seconds: { type: 'histogram', labels: ['sweep'] },
  focalnet_redis_adapter_up: { type: 'gauge', labels: [] },
  focalnet_http_requests_total: { type: 'counter', labels: ['method', 'status_class'] },
  focalnet_http_request_seconds: { type: 'histogram', labels: ['method'] },
  focalnet_draining: { type: 'gauge', labels: [] },
};

/** prom-client's collectDefaultMetrics({ prefix: 'focalnet_' }) names the dashboard uses. */
const DEFAULT_METRICS: Record<string, { type: MetricType; labels: string[] }> = {
  focalnet_nodejs_eventloop_lag_p99_seconds: { type: 'gauge', labels: [] },
  focalnet_process_resident_memory_bytes: { type: 'gauge', labels: [] },
  focalnet_process_cpu_seconds_total: { type: 'counter', labels: [] },
};

/** Labels Prometheus adds to every scraped series (deploy/prometheus/prometheus.yml adds `node`). */
const TARGET_LABELS = ['instance', 'job', 'node'];

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid?: string };
  targets?: { expr?: string; datasource?: { uid?: string } }[];
}

/** The contract's (or a default) metric a series name belongs to: histograms expose _bucket, _sum, _count. */
function metricOf(series: string): { name: string; type: MetricType; labels: string[] } | undefined {
  const known = { ...CONTRACT_METRICS, ...DEFAULT_METRICS };
  const exact = known[series];
  if (exact) return { name: series, ...exact };
  const base = series.replace(/_(bucket|sum|count)$/, '');
  const histogram = known[base];
  return histogram?.type === 'histogram' ? { name: base, ...histogram } : undefined;
}

describe('the metrics the dashboard knows', () => {
  it('are the metrics a server exposes, with the same types', async () => {
    const metrics = createMetrics({ version: 'test', roomOf: userRoom });
    // As a node with Redis reads them at scrape time.
    metrics.readFrom({ sockets: () => 0, queuedCopies: () => Promise.resolve(0), redisUp: () => true });
    const { body } = await metrics.scrape();
    const exposed = new Map([...body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
    for (const [name, { type }] of Object.entries({ ...CONTRACT_METRICS, ...DEFAULT_METRICS }))
      expect(exposed.get(name), name).to.equal(type);
    // Every metric of the server's own is in the list (default metrics aside): none is left off the dashboard's reach.
    const unlisted = [...exposed.keys()].filter(
      (name) =>
        !name.startsWith('focalnet_process_') && !name.startsWith('focalnet_nodejs_') && !(name in CONTRACT_METRICS),
    );
    expect(unlisted).to.deep.equal([]);
  });
});

describe('deploy/grafana/focalnet-dashboard.json', () => {
  const dashboard = JSON.parse(readRepoFile('deploy/grafana/focalnet-dashboard.json')) as {
    uid: string;
    schemaVersion: number;
    panels: Panel[];
    templating: { list: { name: string; type: string; query: string }[] };
  };
  const graphs = dashboard.panels.filter((p) => p.type !== 'row');
  const exprs = graphs.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr ?? '' })));

  it('is a Grafana dashboard of the current schema, laid out on the 24-column grid', () => {
    expect(dashboard.uid).to.equal('focalnet-overview');
    expect(dashboard.schemaVersion).to.be.within(38, 41);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const { title, gridPos } of dashboard.panels) expect(gridPos.x + gridPos.w, title).to.be.at.most(24);
    expect(graphs.length).to.be.above(10);
  });

  it('queries the provisioned Prometheus through the datasource variable', () => {
    const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(variable).to.include({ type: 'datasource', query: 'prometheus' });
    for (const panel of graphs) {
      expect(panel.datasource?.uid, panel.title).to.equal('${datasource}');
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, panel.title).to.equal('${datasource}');
    }
    const provisioned = parse(readRepoFile('deploy/grafana/provisioning/datasources/prometheus.yaml')) as {
      datasources: { type: string; url: string }[];
    };
    expect(provisioned.datasources[0]).to.include({ type: 'prometheus', url: 'http://prometheus:9090' });
  });

  it('has PromQL that parses in every panel', () => {
    expect(exprs.length).to.be.above(15);
    for (const { panel, expr } of exprs) expect(readPromql(expr).errors, `${panel}: ${expr}`).to.deep.equal([]);
  });

  it('the PromQL reading catches a broken expression and names its metrics (so the tests can fail)', () => {
    expect(readPromql('sum(rate(focalnet_sockets[$__rate_interval])').errors).to.not.deep.equal([]);
    expect(readPromql('sum by (le) (rate(focalnet_sweep_seconds_bucket{sweep="x"}[5m]))')).to.deep.include({
      errors: [],
      metrics: ['focalnet_sweep_seconds_bucket'],
    });
  });

  it('uses only metric names of the contract (or prom-client defaults with the focalnet_ prefix)', () => {
    const unknown = exprs.flatMap(({ expr }) => readPromql(expr).metrics.filter((m) => !metricOf(m)));
    expect(unknown).to.deep.equal([]);
  });

  it('uses every metric of the contract', () => {
    const used = new Set(exprs.flatMap(({ expr }) => readPromql(expr).metrics.map((m) => metricOf(m)?.name)));
    expect(Object.keys(CONTRACT_METRICS).filter((name) => !used.has(name))).to.deep.equal([]);
  });

  it('groups and filters only by the labels those metrics carry (all content-free)', () => {
    for (const { panel, expr } of exprs) {
      const reading = readPromql(expr);
      const metrics = reading.metrics.map((m) => metricOf(m));
      const allowed = new Set([
        ...TARGET_LABELS,
        ...metrics.flatMap((m) => m?.labels ?? []),
        ...(metrics.some((m) => m?.type === 'histogram') ? ['le'] : []),
      ]);
      expect(
        reading.labels.filter((label) => !allowed.has(label)),
        `${panel}: ${expr}`,
      ).to.deep.equal([]);
    }
  });

  it('takes latency quantiles from histogram buckets, grouped by le', () => {
    const quantiles = exprs.filter(({ expr }) => expr.includes('histogram_quantile'));
    expect(quantiles.map(({ expr }) => readPromql(expr).metrics[0])).to.include.members([
      'focalnet_relay_ack_seconds_bucket',
      'focalnet_live_delivery_seconds_bucket',
      'focalnet_db_command_seconds_bucket',
      'focalnet_sweep_seconds_bucket',
    ]);
    for (const { expr } of quantiles) {
      expect(expr).to.match(/sum by \(le\b[^)]*\) \(rate\(focalnet_\w+_bucket\[/);
    }
  });
});
