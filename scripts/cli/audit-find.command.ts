import type { Modules } from '../../server/composition/modules.js';

const USAGE = 'usage: npm run cli -- audit:find --request-id <id>';

/**
 * `audit:find --request-id <id>`: the audit entries a request appended, found by the id its log
 * lines carry (the proxy's X-Request-Id, or a socket event's id). One line per entry: seq, segment,
 * time, type and ids; the entry's data stays in the audit log's own views. Exit 1 when none.
 */
export async function auditFindCommand(modules: Modules, args: string[]): Promise<{ code: number; report: string }> {
  const [flag, requestId, ...rest] = args;
  if (flag !== '--request-id' || !requestId || rest.length > 0) throw new Error(USAGE);
  const found = await modules.auditEntries.entriesOfRequest(requestId);
  if (found.length === 0) return { code: 1, report: `no audit entry was appended by request ${requestId}` };
  const lines = found.map(
    ({ segment, entry }) =>
      `seq ${entry.seq} (segment ${segment}) ${entry.at.toISOString()} ${entry.type}` +
      ` actor ${entry.actorId ?? '-'} subject ${entry.subjectId ?? '-'} state ${entry.state ?? '-'}`,
  );
  return { code: 0, report: lines.join('\n') };
}
