import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { AuditRepository } from '../../db/repositories/audit.repository.js';
import type { AccountsDeps } from '../../modules/accounts/accounts-deps.js';
import type { Authenticator } from '../authenticate.js';
import type { RateLimits } from '../rate-limits.js';

/** What the module routes are given by the app factory. */
export interface RouteContext {
  router: Router;
  registry: OpenAPIRegistry;
  accounts: AccountsDeps;
  auditEntries: AuditRepository;
  authn: Authenticator;
  limits: RateLimits;
}
