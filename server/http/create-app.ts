import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import express, { type Express, type RequestHandler } from 'express';
import { AppError } from '../../shared/errors.js';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ReadinessProbe } from '../system/readiness.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { requestLog } from './request-log.js';
import { metricsEndpoint, requestMetrics, type MetricsEndpoint } from './metrics-endpoint.js';
import type { MetricsPort } from '../system/metrics-port.js';
import { systemRoutes } from './routes/system.routes.js';

export interface AppDeps {
  logger: Logger;
  version: string;
  readiness: ReadinessProbe;
  bodyLimitBytes: number;
  /** Routes (path prefixes) that take larger bodies than `bodyLimitBytes`; parsed before the general limit applies. */
  largeBodies?: ReadonlyArray<{ path: string; limitBytes: number }>;
  /** Built web client (client/dist); served at / when present. */
  clientDir: string;
  /** Module routes, mounted under /api after the system routes. */
  modules: Array<(router: express.Router, registry: OpenAPIRegistry) => void>;
  /** Express "trust proxy" setting, so rate limits see the client address behind a proxy. */
  trustProxy: boolean | number | string;
  /** Request counts and durations (a no-op while metrics are off). */
  metrics?: Pick<MetricsPort, 'httpRequest'>;
  /** GET /metrics on this port (behind METRICS_TOKEN); absent or without a token: 404. */
  metricsEndpoint?: MetricsEndpoint;
}

/** The express application, without `listen`: main.ts and the tests decide where it runs. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy);
  // helmet's defaults, plus 'wasm-unsafe-eval': the web client's crypto (libsodium) is WebAssembly,
  // which a CSP without it refuses to compile. It does not allow eval() of JavaScript.
  app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'wasm-unsafe-eval'"] } } }));
  app.use(requestLog(deps.logger));
  if (deps.metrics) app.use(requestMetrics(deps.metrics));
  // Before the web client's catch-all, which would answer any page path with the app shell.
  app.get('/metrics', ...(deps.metricsEndpoint ? [metricsEndpoint(deps.metricsEndpoint)] : []), notFoundHandler);
  // API answers (directory entries, cases, tokens, ciphertext) are never kept in a browser's or
  // proxy's cache: on a shared workstation the next user could read them back (ASVS V14.3).
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  for (const { path, limitBytes } of deps.largeBodies ?? [])
    app.use(path, express.json({ limit: limitBytes, strict: true }));
  app.use(express.json({ limit: deps.bodyLimitBytes, strict: true }));

  const api = express.Router();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT (access token, 15 min)',
  });
  let openApi: unknown;
  const openApiDocument = (): unknown => {
    openApi ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'FocalNet API',
        version: deps.version,
        description: 'Directory and encrypted exchange of national focal points.',
      },
    });
    return openApi;
  };
  systemRoutes(api, registry, { version: deps.version, readiness: deps.readiness, openApiDocument });
  for (const mount of deps.modules) mount(api, registry);
  app.use(api);
  app.use('/api', methodNotAllowed(registry));
  app.use('/api', notFoundHandler);

  if (existsSync(path.join(deps.clientDir, 'index.html'))) {
    app.use(express.static(deps.clientDir, { index: 'index.html', maxAge: '1h' }));
    // The web client routes in the browser: unknown page paths get the app shell.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(deps.clientDir, 'index.html')));
  } else {
    app.get('/', (_req, res) =>
      res
        .type('text/plain')
        .send('FocalNet server is running. The web client is not built: run `npm run build:client`.'),
    );
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/**
 * A known path asked with a method it does not take answers 405 with the methods it does take
 * (Allow), as the API document says, instead of 404.
 */
function methodNotAllowed(registry: OpenAPIRegistry): RequestHandler {
  let table: Array<{ pattern: RegExp; methods: string[] }> | undefined;
  const build = (): Array<{ pattern: RegExp; methods: string[] }> => {
    const byPath = new Map<string, string[]>();
    for (const definition of registry.definitions) {
      if (definition.type !== 'route') continue;
      const { path: template, method } = definition.route;
      byPath.set(template, [...(byPath.get(template) ?? []), method.toUpperCase()]);
    }
    return [...byPath].map(([template, methods]) => ({
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods,
    }));
  };
  return (req, res, next) => {
    table ??= build();
    const path = `/api${req.path}`;
    const allowed = [...new Set(table.filter((entry) => entry.pattern.test(path)).flatMap((entry) => entry.methods))];
    if (allowed.length === 0 || allowed.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(new AppError('http.method-not-allowed', `${req.method} is not allowed here: use ${allowed.join(' or ')}`));
  };
}
