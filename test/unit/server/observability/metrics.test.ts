import { expect } from 'chai';
import { createMetrics, disabledMetrics } from '../../../../server/observability/metrics.js';
import { userRoom } from '../../../../server/realtime/socket-auth.js';
import { parsePrometheusText, sampleValue, type Sample } from '../../../helpers/prometheus-text.js';

const scrape = async (metrics: ReturnType<typeof createMetrics>): Promise<Sample[]> =>
  parsePrometheusText((await metrics.scrape()).body);

describe('server metrics (registry and labels)', () => {
  it('each server has a registry of its own: two in one process count apart', async () => {
    const a = createMetrics({ version: '1.0.0', roomOf: userRoom });
    const b = createMetrics({ version: '1.0.0', roomOf: userRoom });
    a.exchange('border', 'accepted');
    a.exchange('border', 'accepted');
    b.exchange('border', 'accepted');
    expect(
      sampleValue(await scrape(a), 'focalnet_exchanges_total', { domain: 'border', outcome: 'accepted' }),
    ).to.equal(2);
    expect(
      sampleValue(await scrape(b), 'focalnet_exchanges_total', { domain: 'border', outcome: 'accepted' }),
    ).to.equal(1);
  });

  it('labels stay bounded: unknown commands and HTTP methods are "other", an approval hold is "hold"', async () => {
    const metrics = createMetrics({ version: '1.0.0', roomOf: userRoom });
    metrics.dbCommand('find', 0.001);
    metrics.dbCommand('someNewCommand', 0.001);
    metrics.httpRequest('PROPFIND', 207, 0.01);
    metrics.httpRequest('GET', 503, 0.01);
    metrics.policyDecision('approve');
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'focalnet_db_command_seconds_count', { command: 'find' })).to.equal(1);
    expect(sampleValue(samples, 'focalnet_db_command_seconds_count', { command: 'other' })).to.equal(1);
    expect(sampleValue(samples, 'focalnet_http_requests_total', { method: 'other', status_class: '2xx' })).to.equal(1);
    expect(sampleValue(samples, 'focalnet_http_requests_total', { method: 'GET', status_class: '5xx' })).to.equal(1);
    expect(sampleValue(samples, 'focalnet_policy_decisions_total', { decision: 'hold' })).to.equal(1);
    const labelValues = samples.flatMap((s) => Object.values(s.labels));
    expect(labelValues).not.to.include('someNewCommand');
    expect(labelValues).not.to.include('PROPFIND');
  });

  it('a live delivery is timed from its push to its first acknowledgement; a backlog copy is not', async () => {
    const metrics = createMetrics({ version: '1.0.0', roomOf: userRoom });
    metrics.livePushed(userRoom('u1'), 'm1');
    metrics.livePushed(userRoom('u1'), 'm2');
    metrics.backlogPage('u1', ['m2']);
    metrics.acknowledged('u1', ['m1', 'm2']);
    metrics.acknowledged('u1', ['m1']); // a repeat: the queue reports first acknowledgements only, but be safe
    metrics.acknowledged('u2', ['m1']); // another person's acknowledgement of the same message id
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'focalnet_live_delivery_seconds_count')).to.equal(1);
    expect(sampleValue(samples, 'focalnet_backlog_drains_total')).to.equal(1);
    expect(sampleValue(samples, 'focalnet_backlog_drained_copies_total')).to.equal(1);
  });

  it('scrape-time gauges read their sources; a failing count keeps the last value instead of failing the scrape', async () => {
    const metrics = createMetrics({ version: '1.0.0', roomOf: userRoom });
    let queued: number | Error = 4;
    metrics.readFrom({
      sockets: () => 7,
      queuedCopies: () => (queued instanceof Error ? Promise.reject(queued) : Promise.resolve(queued)),
    });
    let samples = await scrape(metrics);
    expect(sampleValue(samples, 'focalnet_sockets')).to.equal(7);
    expect(sampleValue(samples, 'focalnet_queued_copies')).to.equal(4);
    // Without REDIS_URL there is no adapter gauge at all (not a misleading 0).
    expect(samples.some((s) => s.name === 'focalnet_redis_adapter_up')).to.equal(false);
    queued = new Error('database away');
    samples = await scrape(metrics);
    expect(sampleValue(samples, 'focalnet_queued_copies')).to.equal(4);
    expect(() => metrics.readFrom({ sockets: () => 0, queuedCopies: () => Promise.resolve(0) })).to.throw();
  });

  it('draining and sweep timings', async () => {
    const metrics = createMetrics({ version: '1.0.0', roomOf: userRoom });
    expect(sampleValue(await scrape(metrics), 'focalnet_draining')).to.equal(0);
    metrics.setDraining(true);
    const sweep = metrics.timedSweep('approvals', () => Promise.reject(new Error('failed run')));
    await sweep().catch(() => undefined);
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'focalnet_draining')).to.equal(1);
    // A failed run is timed too: a sweep that fails slowly is what an operator looks for.
    expect(sampleValue(samples, 'focalnet_sweep_seconds_count', { sweep: 'approvals' })).to.equal(1);
  });

  it('disabled metrics drop every report and pass sweeps through untouched', async () => {
    const metrics = disabledMetrics();
    const run = (): Promise<number> => Promise.resolve(1);
    expect(metrics.timedSweep('approvals', run)).to.equal(run);
    metrics.exchange('border', 'accepted');
    let failed = false;
    await metrics.scrape().catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
