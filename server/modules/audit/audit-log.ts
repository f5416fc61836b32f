import type { Logger } from 'pino';
import { currentRequestContext, type RequestContext } from '../../observability/request-context.js';
import { SECURITY_AUDIT_TYPES, securityEvent } from '../../observability/security-log.js';
import { GroupCommit } from '../../system/group-commit.js';
import type { Clock } from '../../system/clock.js';
import type { AuditEventType } from '../../../shared/audit/event-types.js';
import type { AuditEntry } from './audit-entry.js';
import {
  EMPTY_TIP,
  sealSegment,
  tipOf,
  type AuditRequestRef,
  type CachedSubtree,
  type LogTip,
} from './audit-segment.js';
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

/** An append waiting for its group commit, with the request it came from (taken when it was submitted). */
interface PendingAppend {
  event: AuditEvent;
  request: RequestContext | undefined;
}

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
  observe: { metrics?: Pick<MetricsPort, 'auditSegment'> | undefined; logger?: Logger | undefined } = {},
): AuditLog {
  let tip: LogTip | undefined;

  const entriesAfter = (from: LogTip, pending: readonly PendingAppend[]): AuditEntry[] => {
    const at = clock.now();
    return pending.map(({ event }, i) => {
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

  async function write(pending: PendingAppend[]): Promise<Array<AuditEntry | Error>> {
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        if (!tip) {
          const last = await store.lastSegment();
          tip = last ? tipOf(last) : EMPTY_TIP;
        }
        const entries = entriesAfter(tip, pending);
        const completed: CachedSubtree[] = [];
        const segment = sealSegment(tip, entries, clock.now(), key, completed);
        const requests = requestRefs(entries, pending);
        if (requests.length > 0) segment.requests = requests;
        if (await store.tryInsert(segment)) {
          tip = tipOf(segment);
          observe.metrics?.auditSegment(entries.length);
          if (observe.logger) logAppended(observe.logger, entries, pending);
          if (completed.length > 0 && subtrees) await subtrees.put(completed).catch(() => undefined); // a cache: a proof recomputes what is missing
          return entries;
        }
        tip = undefined; // another node took this number: append after its segment
      }
      throw new Error(`audit append could not take a segment after ${MAX_ATTEMPTS} attempts`);
    } catch (error) {
      tip = undefined;
      const failure = error instanceof Error ? error : new Error(String(error));
      return pending.map(() => failure);
    }
  }

  const commits = new GroupCommit<PendingAppend, AuditEntry>(write, MAX_BATCH);
  return { append: (event) => commits.submit({ event, request: currentRequestContext() }) };
}

/**
 * Which request appended which entry, kept beside the entries (not in them: the leaf's format is
 * fixed and clients recompute it), so an operator can go from a request id to its audit entry.
 */
function requestRefs(entries: readonly AuditEntry[], pending: readonly PendingAppend[]): AuditRequestRef[] {
  const refs: AuditRequestRef[] = [];
  entries.forEach((entry, i) => {
    const requestId = pending[i]?.request?.requestId;
    if (requestId) refs.push({ seq: entry.seq, requestId });
  });
  return refs;
}

/** Reason codes worth a security line (free-text reasons, such as an admin's note, stay in the audit). */
const REASON_CODED = new Set<string>([
  'auth.sign-in-failed',
  'auth.password-change-failed',
  'user.password-reset-refused',
]);

/**
 * After a group commit: at debug one content-free line per entry (its request, seq and type);
 * at info a security line for the types an operator watches. Each with the entry's own request:
 * one segment holds the entries of many requests.
 */
function logAppended(logger: Logger, entries: readonly AuditEntry[], pending: readonly PendingAppend[]): void {
  const debug = logger.isLevelEnabled('debug');
  entries.forEach((entry, i) => {
    const request = pending[i]?.request;
    if (debug)
      logger.debug({ requestId: request?.requestId, auditSeq: entry.seq, type: entry.type }, 'audit entry appended');
    if (!SECURITY_AUDIT_TYPES.has(entry.type as AuditEventType)) return;
    const reason = entry.data.reason;
    securityEvent(
      logger,
      entry.type as AuditEventType,
      {
        actorId: entry.actorId,
        subjectId: entry.subjectId,
        state: entry.state,
        auditSeq: entry.seq,
        reason: REASON_CODED.has(entry.type) && typeof reason === 'string' ? reason : undefined,
      },
      request ?? null,
    );
  });
}

/** Undefined fields left out, as the stored document and the leaf's canonical JSON leave them out. */
function definedOnly(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) if (value !== undefined) out[name] = value;
  return out;
}
