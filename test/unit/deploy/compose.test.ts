import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { composeValidator } from './compose-schema.js';
import { composeServices, durationSeconds, interpolations, readCompose } from './compose-file.js';
import { templateDirectives } from './nginx-template.js';
import { readRepoFile, REPO_ROOT } from './repo-files.js';

const MONGO_MEMBERS = ['mongo1', 'mongo2', 'mongo3'];
const NODES = ['node1', 'node2'];
/** Names whose value would be a secret if it were written in the file. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|OPAQUE|PRIVATE|CREDENTIAL|API_?KEY|(^|_)KEY$/i;

describe('deploy/compose.yaml (the reference topology)', () => {
  const { text, document } = readCompose();
  const services = document.services;
  const { service, environment } = composeServices(document);
  const longRunning = Object.entries(services).filter(([, s]) => s.restart !== 'no');

  it('is valid against the compose-spec JSON schema', () => {
    expect(composeValidator()(document)).to.deep.equal([]);
  });

  it('the schema check catches a misspelt key (so the test above can fail)', () => {
    const broken = parse(text.replace('stop_grace_period:', 'stop_grace_periods:'), { merge: true }) as unknown;
    expect(composeValidator()(broken).join('\n')).to.match(/node1 must NOT have additional properties/);
  });

  it('runs a three-member MongoDB replica set, Redis, two FocalNet nodes and the proxy', () => {
    expect(Object.keys(services)).to.include.members([...MONGO_MEMBERS, 'redis', ...NODES, 'proxy']);
    for (const member of MONGO_MEMBERS) {
      expect(service(member).image).to.match(/^mongo:7(\.|$)/);
      expect(service(member).command).to.include.members(['--replSet', 'rs0']);
    }
    const init = service('mongo-init');
    expect(init.restart).to.equal('no');
    expect(init.volumes?.join(' ')).to.include('init-replica-set.js');
    expect(readRepoFile('deploy/mongo/init-replica-set.js')).to.match(/replSetInitiate: \{ _id: 'rs0'/);
  });

  it('gives every long-running service a health check', () => {
    expect(longRunning.map(([name]) => name)).to.include.members([...MONGO_MEMBERS, 'redis', ...NODES, 'proxy']);
    for (const [name, { healthcheck }] of longRunning) {
      expect(healthcheck?.disable, name).to.not.equal(true);
      expect(healthcheck?.test, `${name} health check`).to.be.an('array').with.length.above(1);
    }
    expect([service('node1').healthcheck?.test ?? []].flat().join(' ')).to.include('/api/ready');
  });

  it('starts a service only when what it depends on is healthy (or, for the one-shot init, done)', () => {
    for (const [name, { depends_on: dependsOn }] of Object.entries(services)) {
      if (!dependsOn) continue;
      expect(dependsOn, `${name}: long syntax with a condition`).to.not.be.an('array');
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        const expected = service(dependency).restart === 'no' ? 'service_completed_successfully' : 'service_healthy';
        expect(condition, `${name} → ${dependency}`).to.equal(expected);
      }
    }
    const proxyDependsOn = service('proxy').depends_on as Record<string, unknown>;
    expect(Object.keys(proxyDependsOn)).to.include.members(NODES);
    expect(Object.keys(service('node1').depends_on as Record<string, unknown>)).to.include.members([
      'mongo-init',
      'redis',
    ]);
  });

  // Where the nodes find MongoDB and Redis (secret files, as their URIs carry passwords):
  // database-auth.test.ts.
  it('runs both nodes in production behind the proxy, with metrics on their own listener', () => {
    for (const node of NODES) {
      const env = environment(node);
      expect(env.TRUST_PROXY).to.equal('uniquelocal');
      expect(env.NODE_ENV).to.equal('production');
      expect(env.PUBLIC_ORIGIN).to.match(/^\$\{FOCALNET_PUBLIC_ORIGIN:\?/);
      expect(env.METRICS_PORT).to.match(/^\d+$/);
      expect(env.METRICS_HOST).to.equal('0.0.0.0');
    }
  });

  it('lets a stopping node finish within its grace before Docker kills it', () => {
    for (const node of NODES) {
      const grace = Number(environment(node).SHUTDOWN_GRACE_SECONDS ?? '20');
      expect(durationSeconds(service(node).stop_grace_period ?? '10s'), node).to.be.above(grace);
    }
  });

  it('writes no secret into the file: secrets come from files (X_FILE) or ${…} from the environment', () => {
    const inline: string[] = [];
    for (const [name, { environment: env }] of Object.entries(services)) {
      for (const [key, raw] of Object.entries(env ?? {})) {
        const value = String(raw ?? '');
        if (/:\/\/[^/@\s]+:[^/@\s]+@/.test(value)) inline.push(`${name}.${key}: credentials in a URL`);
        if (!SECRET_NAME.test(key) || value === '' || /^\$\{[A-Z0-9_]+(:?[-?][^}]*)?\}$/.test(value)) continue;
        // A path to a mounted secret (X_FILE, GF_…__FILE, TLS_KEY) names a secret, it holds none.
        if (value.startsWith('/run/secrets/')) continue;
        inline.push(`${name}.${key}`);
      }
    }
    expect(inline).to.deep.equal([]);
    for (const [name, secret] of Object.entries(document.secrets ?? {})) {
      expect(secret.file ?? secret.environment, name).to.be.a('string');
      if (secret.file) expect(secret.file, name).to.match(/^\.\/secrets\//);
    }
    expect(text).to.not.match(/(JWT_SECRET|SIGNING_KEY_SECRET|OPAQUE_SERVER_SETUP)\s*[:=]\s*(?!\/run\/secrets)\S/);
  });

  it('mounts the secrets the nodes read through JWT_SECRET_FILE, SIGNING_KEY_SECRET_FILE and OPAQUE_SERVER_SETUP_FILE', () => {
    for (const node of NODES) {
      const env = environment(node);
      expect(env.JWT_SECRET_FILE).to.equal('/run/secrets/jwt_secret');
      expect(env.SIGNING_KEY_SECRET_FILE).to.equal('/run/secrets/signing_key_secret');
      expect(env.OPAQUE_SERVER_SETUP_FILE).to.equal('/run/secrets/opaque_server_setup');
      expect(service(node).secrets).to.include.members(['jwt_secret', 'signing_key_secret', 'opaque_server_setup']);
    }
  });

  it('keeps the secret files out of git', () => {
    for (const secret of Object.values(document.secrets ?? {})) {
      const file = `deploy/${(secret.file ?? '').replace(/^\.\//, '')}`;
      // git check-ignore exits 0 (and prints the path) when the path is ignored.
      expect(execFileSync('git', ['check-ignore', file], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()).to.equal(file);
    }
  });

  it('gives the proxy the nginx template and a value for each of its variables', () => {
    const proxy = service('proxy');
    expect(proxy.image).to.match(/^nginx:/);
    expect(proxy.volumes).to.include('./nginx/focalnet.conf.template:/etc/nginx/templates/focalnet.conf.template:ro');
    const env = environment('proxy');
    const template = readRepoFile('deploy/nginx/focalnet.conf.template');
    const needed = new Set(interpolations(templateDirectives(template)).map((v) => v.name));
    expect([...needed].filter((name) => !(name in env))).to.deep.equal([]);
    const filter = new RegExp(env.NGINX_ENVSUBST_FILTER ?? '');
    expect(
      [...needed].filter((name) => !filter.test(name)),
      'names the envsubst filter lets through',
    ).to.deep.equal([]);
    expect(proxy.secrets).to.include.members(['tls_cert', 'tls_key']);
    expect(env.TLS_CERT).to.equal('/run/secrets/tls_cert');
    expect(env.TLS_KEY).to.equal('/run/secrets/tls_key');
  });

  it('lists in .env.example every variable the file needs from the operator', () => {
    const example = readRepoFile('deploy/.env.example');
    const listed = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map(([, name]) => name));
    const required = interpolations(text).filter((v) => v.required);
    expect(required.map((v) => v.name)).to.include('FOCALNET_PUBLIC_ORIGIN');
    expect(
      interpolations(text)
        .filter((v) => !listed.has(v.name))
        .map((v) => v.name),
    ).to.deep.equal([]);
  });

  it('mounts only files of this repository that exist', () => {
    const sources = Object.values(services).flatMap((s) =>
      (s.volumes ?? []).map((v) => v.split(':')[0] ?? '').filter((source) => source.startsWith('./')),
    );
    expect(sources).to.include('./nginx/focalnet.conf.template');
    for (const source of sources) {
      expect(existsSync(path.join(REPO_ROOT, 'deploy', source)), source).to.equal(true);
    }
  });

  it('has Prometheus scrape both nodes on their metrics port', () => {
    const prometheus = parse(readRepoFile('deploy/prometheus/prometheus.yml')) as {
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(targets).to.have.members(NODES.map((node) => `${node}:${environment(node).METRICS_PORT}`));
    expect(service('prometheus').profiles).to.deep.equal(['monitoring']);
    const dashboardMount = (service('grafana').volumes ?? []).find((v) =>
      v.startsWith('./grafana/focalnet-dashboard.json:'),
    );
    const provider = parse(readRepoFile('deploy/grafana/provisioning/dashboards/focalnet.yaml')) as {
      providers: { options: { path: string } }[];
    };
    expect(path.posix.dirname(dashboardMount?.split(':')[1] ?? '')).to.equal(provider.providers[0]?.options.path);
  });
});
