import { z } from 'zod';
import {
  AuditLogHeadResponse,
  ConsistencyResponse,
  InclusionResponse,
  type DiscrepancyReport,
  type WitnessRequest,
} from '../../../shared/schemas/audit-log.js';
import { KeyTransitionsResponse, type KeyTransition } from '../../../shared/crypto/key-transition-format.js';
import type { HttpTransport } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/** The audit log's transparency endpoints (shared/schemas/audit-log.ts). */
export interface AuditLogApi {
  /** The newest signed head, the log key and each state's newest witness co-signature. */
  head(): Promise<AuditLogHeadResponse>;
  /** A consistency proof from the tree of `from` entries to the newest head (or the head of size `to`). */
  consistency(from: number, to?: number): Promise<ConsistencyResponse>;
  /** The entry `seq` and its inclusion proof in the tree of `size` entries (a head this client holds). */
  inclusion(seq: number, size: number): Promise<InclusionResponse>;
  /** A national admin's co-signature of a head their client verified. */
  witness(request: WitnessRequest): Promise<void>;
  /** Tells the network this client could not verify the log (alerts national admins and the secretariat). */
  reportDiscrepancy(report: DiscrepancyReport): Promise<void>;
  /** The key that signs heads (Ed25519, 32 bytes base64url), as the directory publishes it; needs no session. */
  logKey(): Promise<string>;
  /** Every renewal of the server's keys, each signed by the key it replaced; needs no session. */
  keyTransitions(): Promise<KeyTransition[]>;
}

export function auditLogApi(transport: HttpTransport, session: SessionManager): AuditLogApi {
  return {
    head: () => session.authed({ method: 'GET', path: '/api/audit/log/head', schema: AuditLogHeadResponse }),
    consistency: (from, to) =>
      session.authed({
        method: 'GET',
        path: '/api/audit/log/consistency',
        query: { from, to },
        schema: ConsistencyResponse,
      }),
    inclusion: (seq, size) =>
      session.authed({
        method: 'GET',
        path: '/api/audit/log/inclusion',
        query: { seq, size },
        schema: InclusionResponse,
      }),
    async witness(request) {
      await session.authed({ method: 'POST', path: '/api/audit/log/witness', body: request, schema: z.unknown() });
    },
    async reportDiscrepancy(report) {
      await session.authed({ method: 'POST', path: '/api/audit/log/discrepancies', body: report, schema: z.unknown() });
    },
    logKey: async () =>
      (
        await transport.send({
          method: 'GET',
          path: '/api/directory/audit-log-key',
          schema: z.object({ publicKey: z.string() }),
        })
      ).publicKey,
    keyTransitions: async () =>
      (await transport.send({ method: 'GET', path: '/api/directory/key-transitions', schema: KeyTransitionsResponse }))
        .transitions,
  };
}
