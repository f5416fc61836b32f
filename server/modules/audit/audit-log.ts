import { GroupCommit } from '../../system/group-commit.js';
import type { AuditStore } from './ports.js';
import type { Clock } from '../../system/clock.js';
import { GENESIS_HASH, hashAuditRecord, type AuditEntry } from './audit-chain.js';
import type { AuditEventType } from '../../../shared/audit/event-types.js';

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

/**
 * Appends to the hash chain. Within a node, appends are written one batch at a time: those that
 * arrive while a batch is being written are chained in memory and inserted together in the next
 * (group commit: one round trip for many events, each caller answered only after its entry is
 * stored). Across nodes, the unique sequence number lets exactly one writer take each slot; after
 * a lost race the entries actually stored are re-read by primary key, the head moves to the
 * winner's, and the rest is chained again from there.
 */
export function createAuditLog(repository: AuditStore, clock: Clock): AuditLog {
  let head: { seq: number; hash: string } | undefined;
  let headKnown = false;

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

  /**
   * Stores `events` in order; one outcome per event: its stored entry, or the error that stopped
   * it (entries stored before a failure still count as stored).
   */
  async function write(events: AuditEvent[]): Promise<Array<AuditEntry | Error>> {
    const stored: AuditEntry[] = [];
    let failure = new Error(`audit append could not find a free slot after ${MAX_ATTEMPTS} attempts`);
    try {
      await writeFrom(events, stored);
    } catch (error) {
      headKnown = false;
      failure = error instanceof Error ? error : new Error(String(error));
    }
    // What is stored is always a prefix of `events`, in order.
    return [...stored, ...events.slice(stored.length).map(() => failure)];
  }

  /** Stores what it can of `events`, appending each stored entry to `stored` in order. */
  async function writeFrom(events: AuditEvent[], stored: AuditEntry[]): Promise<void> {
    if (!headKnown) {
      const found = await repository.head();
      head = found ? { seq: found.seq, hash: found.hash } : undefined;
      headKnown = true;
    }
    let rest = events;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && rest.length > 0; attempt++) {
      const entries = chain(rest);
      const last = entries.at(-1);
      if (last && (await repository.tryInsertBatch(entries))) {
        head = { seq: last.seq, hash: last.hash };
        stored.push(...entries);
        return;
      }
      // Some slot was taken (another node), possibly after part of the batch went in: keep what is ours.
      let kept = 0;
      for (const entry of entries) {
        const found = await repository.get(entry.seq);
        if (!found) {
          headKnown = false; // should not happen: a gap; re-read the head before trying again
          break;
        }
        head = { seq: found.seq, hash: found.hash };
        if (found.hash !== entry.hash) break;
        stored.push(entry);
        kept += 1;
      }
      rest = rest.slice(kept);
      if (!headKnown) {
        const found = await repository.head();
        head = found ? { seq: found.seq, hash: found.hash } : undefined;
        headKnown = true;
      }
    }
  }

  const commits = new GroupCommit<AuditEvent, AuditEntry>(write, MAX_BATCH);

  return { append: (event) => commits.submit(event) };
}
