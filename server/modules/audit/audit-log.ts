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

const MAX_ATTEMPTS = 1_000;

/**
 * Appends to the hash chain. Within a node, appends are queued one after another and the head
 * is remembered; across nodes, the unique sequence number lets exactly one writer take the next
 * slot, and a loser reads the entry that won (by primary key) and moves on from there.
 */
export function createAuditLog(repository: AuditRepository, clock: Clock): AuditLog {
  let head: { seq: number; hash: string } | undefined;
  let headKnown = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function appendNow(event: AuditEvent): Promise<AuditEntry> {
    if (!headKnown) {
      const found = await repository.head();
      head = found ? { seq: found.seq, hash: found.hash } : undefined;
      headKnown = true;
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
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
      if (await repository.tryInsert(entry)) {
        head = { seq: entry.seq, hash: entry.hash };
        return entry;
      }
      const winner = await repository.get(record.seq);
      if (winner) head = { seq: winner.seq, hash: winner.hash };
      else headKnown = false; // should not happen: re-read the head next time
    }
    throw new Error(`audit append could not find a free slot after ${MAX_ATTEMPTS} attempts`);
  }

  return {
    append(event) {
      const result = queue.then(() => appendNow(event));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
