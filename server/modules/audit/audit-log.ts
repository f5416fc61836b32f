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
/** Largest group commit: appends waiting while one batch is written go together in the next. */
const MAX_BATCH = 200;

interface Waiting {
  event: AuditEvent;
  resolve(entry: AuditEntry): void;
  reject(error: unknown): void;
}

/**
 * Appends to the hash chain. Within a node, appends are written one batch at a time: those that
 * arrive while a batch is being written are chained in memory and inserted together in the next
 * (group commit: one round trip for many events, each caller answered only after its entry is
 * stored). Across nodes, the unique sequence number lets exactly one writer take each slot; after
 * a lost race the entries actually stored are re-read by primary key, the head moves to the
 * winner's, and the rest is chained again from there.
 */
export function createAuditLog(repository: AuditRepository, clock: Clock): AuditLog {
  let head: { seq: number; hash: string } | undefined;
  let headKnown = false;
  const waiting: Waiting[] = [];
  let writing = false;

  const chain = (events: readonly AuditEvent[]): AuditEntry[] => {
    let prev = head;
    return events.map((event) => {
      const record = {
        seq: (prev?.seq ?? 0) + 1,
        at: clock.now(),
        type: event.type,
        actorId: event.actorId ?? null,
        state: event.state ?? null,
        subjectId: event.subjectId ?? null,
        data: event.data ?? {},
        prevHash: prev?.hash ?? GENESIS_HASH,
      };
      const entry = { ...record, hash: hashAuditRecord(record) };
      prev = { seq: entry.seq, hash: entry.hash };
      return entry;
    });
  };

  /** Stores `batch` in order; resolves each caller once its own entry is stored. */
  async function write(batch: Waiting[]): Promise<void> {
    if (!headKnown) {
      const found = await repository.head();
      head = found ? { seq: found.seq, hash: found.hash } : undefined;
      headKnown = true;
    }
    let rest = batch;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && rest.length > 0; attempt++) {
      const entries = chain(rest.map((w) => w.event));
      const last = entries.at(-1);
      if (last && (await repository.tryInsertBatch(entries))) {
        head = { seq: last.seq, hash: last.hash };
        entries.forEach((entry, i) => rest[i]?.resolve(entry));
        return;
      }
      // Some slot was taken (another node), possibly after part of the batch went in: keep what is ours.
      let stored = 0;
      for (const entry of entries) {
        const found = await repository.get(entry.seq);
        if (!found) {
          headKnown = false; // should not happen: a gap; re-read the head before trying again
          break;
        }
        head = { seq: found.seq, hash: found.hash };
        if (found.hash !== entry.hash) break;
        rest[stored]?.resolve(entry);
        stored += 1;
      }
      rest = rest.slice(stored);
      if (!headKnown) {
        const found = await repository.head();
        head = found ? { seq: found.seq, hash: found.hash } : undefined;
        headKnown = true;
      }
    }
    if (rest.length > 0) throw new Error(`audit append could not find a free slot after ${MAX_ATTEMPTS} attempts`);
  }

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        await write(batch);
      } catch (error) {
        headKnown = false;
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }

  return {
    append(event) {
      return new Promise<AuditEntry>((resolve, reject) => {
        waiting.push({ event, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
