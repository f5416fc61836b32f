import type { AuditRepository } from '../../db/repositories/audit.repository.js';
import type { Clock } from '../../system/clock.js';
import { GENESIS_HASH, hashAuditRecord, type AuditEntry } from './audit-chain.js';
import type { AuditEventType } from './audit-events.js';

/** Metadata of one security-relevant event; never message or request content. */
export interface AuditEvent {
  type: AuditEventType;
  actorId?: string | null;
  state?: string | null;
  subjectId?: string | null;
  data?: Record<string, string | number | boolean | null | string[]>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<AuditEntry>;
}

const MAX_ATTEMPTS = 50;

/**
 * Appends to the hash chain. Several writers (requests, server nodes) race for the next seq;
 * the unique index lets exactly one win, and a loser re-reads the head and tries again.
 */
export function createAuditLog(repository: AuditRepository, clock: Clock): AuditLog {
  return {
    async append(event) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const head = await repository.head();
        const record = {
          seq: (head?.seq ?? 0) + 1,
          at: clock.now(),
          type: event.type,
          actorId: event.actorId ?? null,
          state: event.state ?? null,
          subjectId: event.subjectId ?? null,
          data: event.data ?? {},
          prevHash: head?.hash ?? GENESIS_HASH,
        };
        const entry = { ...record, hash: hashAuditRecord(record) };
        if (await repository.tryInsert(entry)) return entry;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
      throw new Error(`audit append lost the race ${MAX_ATTEMPTS} times`);
    },
  };
}
