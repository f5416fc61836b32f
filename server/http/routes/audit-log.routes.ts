import { z } from 'zod';
import {
  AuditLogHeadResponse,
  ConsistencyQuery,
  ConsistencyResponse,
  DiscrepancyReport,
  InclusionQuery,
  InclusionResponse,
  WitnessRequest,
  WitnessSignatureView,
} from '../../../shared/schemas/audit-log.js';
import { AppError } from '../../../shared/errors.js';
import { KeyTransitionsResponse } from '../../../shared/crypto/key-transition-format.js';
import type { User } from '../../modules/accounts/ports/users.js';
import { consistency, inclusion, readHead } from '../../modules/audit/log-heads.js';
import { reportDiscrepancy } from '../../modules/audit/report-discrepancy.js';
import { witnessHead } from '../../modules/audit/witness-head.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/** Heads and proofs are for people signed in to an active account (every client checks the log). */
function activeOnly(actor: User): User {
  if (actor.status !== 'active') throw new AppError('auth.forbidden', 'not allowed: the account is not active');
  return actor;
}

/** The audit log as a transparency log: signed heads, proofs, witnesses' co-signatures, reports. */
export function auditLogRoutes({ router, registry, auditLog, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/audit-log-key',
    tag: 'directory',
    summary: "The public key that signs the audit log's tree heads (Ed25519, base64url), to pin in clients.",
    response: z.object({ publicKey: z.string() }),
    handler: () => ({ publicKey: auditLog.key.publicKey }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/directory/key-transitions',
    tag: 'directory',
    summary:
      'Every renewal of the directory key and the audit log key, each signed by the key it replaced: a client that pinned an older key follows them to the key in force.',
    response: KeyTransitionsResponse,
    handler: async () => ({
      transitions: (await auditLog.keyGenerations.all()).flatMap((generation) => generation.transitions),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/audit/log/head',
    auth: authn,
    tag: 'audit',
    summary: "The audit log's newest signed tree head, and each state's newest witness co-signature.",
    response: AuditLogHeadResponse,
    errors: [401, 403],
    handler: async ({ req }) => {
      activeOnly(await authn.actor(req));
      return readHead(auditLog);
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/audit/log/consistency',
    auth: authn,
    tag: 'audit',
    summary:
      'A consistency proof (RFC 9162) from a head of `from` entries to the signed head of `to` (default: the newest).',
    query: ConsistencyQuery,
    response: ConsistencyResponse,
    errors: [401, 403, 404],
    handler: async ({ query, req }) => {
      activeOnly(await authn.actor(req));
      return consistency(auditLog, query.from, query.to);
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/audit/log/inclusion',
    auth: authn,
    tag: 'audit',
    summary:
      'An entry you may read in the trail, with its inclusion proof (RFC 9162) in the signed head of `size` (default: the newest).',
    query: InclusionQuery,
    response: InclusionResponse,
    errors: [401, 403, 404],
    handler: async ({ query, req }) => inclusion(auditLog, activeOnly(await authn.actor(req)), query.seq, query.size),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/audit/log/witness',
    auth: authn,
    tag: 'audit',
    summary:
      "A national admin's client co-signs a head it verified (a witness signature, with the admin's identity key).",
    body: WitnessRequest,
    status: 201,
    response: WitnessSignatureView,
    errors: [401, 403, 409],
    handler: async ({ body, req }) => witnessHead(auditLog, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/audit/log/discrepancies',
    auth: authn,
    tag: 'audit',
    summary:
      "A client could not verify the log: recorded in the reporter's state's trail, its national admins and the secretariat alerted.",
    body: DiscrepancyReport,
    status: 202,
    response: z.object({ ok: z.literal(true) }),
    errors: [401],
    handler: async ({ body, req }) => {
      await reportDiscrepancy(auditLog, await authn.actor(req), body);
      return { ok: true as const };
    },
  });
}
