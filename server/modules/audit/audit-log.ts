import { GroupCommit } from '../../system/group-commit.js';
import type { Clock } from '../../system/clock.js';
import type { AuditEventType } from '../../../shared/audit/event-types.js';
import type { AuditEntry } from './audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type CachedSubtree, type LogTip } from './audit-segment.js';
import type { LogKey } from './log-key.js';
import type { AuditNodeStore, AuditStore } from './ports.js';
import type { MetricsPort } from '../../system/metrics-port.js';

/** Metadata of one security-relevant event; never message or request content. */
export interface AuditEvent {
  type: AuditEventType;
  actorId?: string | null;
  state?: string | null;
  /** Other states whose trail shows the entry: a decision taken by their rule about `state`'s exchange. */
  alsoStates?: string[];
  subjectId?: string | null;
  data?: Record<string, string | number | boolean | null | string[] | undefined>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<AuditEntry>;
}

const MAX_ATTEMPTS = 1_000;
/** Largest group commit: appends waiting while one segment is written go together in the next. */
const MAX_BATCH = 200;

/**
 * Appends to the Merkle log. Within a node, appends are written one segment at a time: those
 * that arrive while a segment is being written go together into the next (group commit: one
 * document for many events, each caller answered only after its entry is stored). Across nodes,
 * segment numbers are the key, so exactly one writer takes each: the loser re-reads the newest
 * segment and seals its batch again after it. The log never forks.
 */
export function createAuditLog(
  store: AuditStore,
  clock: Clock,
  key: LogKey,
  subtrees?: AuditNodeStore,
  metrics?: Pick<MetricsPort, 'auditSegment'>,
): AuditLog {
  let tip: LogTip | undefined;

  const entriesAfter = (from: LogTip, events: readonly AuditEvent[]): AuditEntry[] => {
    const at = clock.now();
    return events.map((event, i) => {
      const alsoStates = [...new Set(event.alsoStates ?? [])].filter((state) => state !== event.state);
      return {
        seq: from.frontier.size + 1 + i,
        at,
        type: event.type,
        actorId: event.actorId ?? null,
        state: event.state ?? null,
        ...(alsoStates.length > 0 ? { alsoStates } : {}),
        subjectId: event.subjectId ?? null,
        data: definedOnly(event.data ?? {}),
      };
    });
  };

  async function write(events: AuditEvent[]): Promise<Array<AuditEntry | Error>> {
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        if (!tip) {
          const last = await store.lastSegment();
          tip = last ? tipOf(last) : EMPTY_TIP;
        }
        const entries = entriesAfter(tip, events);
        const completed: CachedSubtree[] = [];
        const segment = sealSegment(tip, entries, clock.now(), key, completed);
        if (await store.tryInsert(segment)) {
          tip = tipOf(segment);
          metrics?.auditSegment(entries.length);
          if (completed.length > 0 && subtrees) await subtrees.put(completed).catch(() => undefined); // a cache: a proof recomputes what is missing
          return entries;
        }
        tip = undefined; // another node took this number: append after its segment
      }
      throw new Error(`audit append could not take a segment after ${MAX_ATTEMPTS} attempts`);
    } catch (error) {
      tip = undefined;
      const failure = error instanceof Error ? error : new Error(String(error));
      return events.map(() => failure);
    }
  }

  const commits = new GroupCommit<AuditEvent, AuditEntry>(write, MAX_BATCH);
  return { append: (event) => commits.submit(event) };
}

/** Undefined fields left out, as the stored document and the leaf's canonical JSON leave them out. */
function definedOnly(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) out[name] = value;
  return out;
}
