import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { z } from 'zod';
import { HealthResponse, ReadyResponse } from '../../../shared/schemas/system.js';
import type { ReadinessProbe } from '../../system/readiness.js';
import { asyncApiDocument } from '../asyncapi-document.js';
import { defineRoute } from '../define-route.js';

export interface SystemRoutesDeps {
  version: string;
  readiness: ReadinessProbe;
  openApiDocument: () => unknown;
}

export function systemRoutes(router: Router, registry: OpenAPIRegistry, deps: SystemRoutesDeps): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'The process is alive (says nothing about the database).',
    response: HealthResponse,
    handler: () => ({ status: 'ok' as const, version: deps.version, uptimeSeconds: Math.round(process.uptime()) }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/ready',
    tag: 'system',
    summary:
      'The server can serve requests: the database answers a ping and the node is not stopping. 503 (same body) when not.',
    response: ReadyResponse,
    alsoSucceeds: { 503: ReadyResponse },
    handler: async ({ res }) => {
      const ready = await deps.readiness.check();
      res.status(ready.status === 'ready' ? 200 : 503).json(ready);
      return ready;
    },
  });

  let asyncApi: unknown;
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/asyncapi.json',
    tag: 'system',
    summary:
      'The socket.io events (payloads, acknowledgements, pushes) described as AsyncAPI 3.0, generated from the same zod schemas.',
    response: z.record(z.string(), z.unknown()),
    handler: ({ res }) => {
      asyncApi ??= asyncApiDocument(deps.version);
      res.json(asyncApi);
      return {};
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This API described as OpenAPI 3.1, generated from the shared zod schemas.',
    response: z.record(z.string(), z.unknown()),
    handler: ({ res }) => {
      res.json(deps.openApiDocument());
      return {};
    },
  });
}
