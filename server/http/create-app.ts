import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ReadinessProbe } from '../system/readiness.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { systemRoutes } from './routes/system.routes.js';

export interface AppDeps {
  logger: Logger;
  version: string;
  readiness: ReadinessProbe;
  bodyLimitBytes: number;
  /** Built web client (client/dist); served at / when present. */
  clientDir: string;
  /** Module routes, mounted under /api after the system routes. */
  modules: Array<(router: express.Router, registry: OpenAPIRegistry) => void>;
  /** Express "trust proxy" setting, so rate limits see the client address behind a proxy. */
  trustProxy: boolean | number | string;
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The express application, without `listen`: main.ts and the tests decide where it runs. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy);
  // helmet's defaults, plus 'wasm-unsafe-eval': the web client's crypto (libsodium) is WebAssembly,
  // which a CSP without it refuses to compile. It does not allow eval() of JavaScript.
  app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'wasm-unsafe-eval'"] } } }));
  app.use(pinoHttp({
    logger: deps.logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    // Headers may carry credentials and are noise: log only what identifies the request.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }));
  app.use(express.json({ limit: deps.bodyLimitBytes, strict: true }));

  const api = express.Router();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (access token, 15 min)' });
  let openApi: unknown;
  const openApiDocument = (): unknown => {
    openApi ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: { title: 'FocalNet API', version: deps.version, description: 'Directory and encrypted exchange of national focal points.' },
    });
    return openApi;
  };
  systemRoutes(api, registry, { version: deps.version, readiness: deps.readiness, openApiDocument });
  for (const mount of deps.modules) mount(api, registry);
  app.use(api);
  app.use('/api', notFoundHandler);

  if (existsSync(path.join(deps.clientDir, 'index.html'))) {
    app.use(express.static(deps.clientDir, { index: 'index.html', maxAge: '1h' }));
    // The web client routes in the browser: unknown page paths get the app shell.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(deps.clientDir, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('text/plain').send('FocalNet server is running. The web client is not built: run `npm run build:client`.'));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
