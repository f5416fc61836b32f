import { expect } from 'chai';
import { createAuditLog } from '../../../../server/modules/audit/audit-log.js';
import type { AuditSegment } from '../../../../server/modules/audit/audit-segment.js';
import { entryLeafHash } from '../../../../server/modules/audit/audit-entry.js';
import { logKey } from '../../../../server/modules/audit/log-key.js';
import type { AuditStore } from '../../../../server/modules/audit/ports.js';
import { runInRequestContext } from '../../../../server/observability/request-context.js';
import { systemClock } from '../../../../server/system/clock.js';
import { capturingLogger } from '../../../helpers/log-capture.js';

/** The two calls an append makes of its store, in memory; the rest is not needed here. */
function memoryStore(): { store: AuditStore; segments: AuditSegment[] } {
  const segments: AuditSegment[] = [];
  const unused = (): never => {
    throw new Error('not used by appends');
  };
  const store: AuditStore = {
    lastSegment: () => Promise.resolve(segments.at(-1)),
    tryInsert: (segment) => {
      if (segments.some((s) => s.id === segment.id)) return Promise.resolve(false);
      segments.push(structuredClone(segment));
      return Promise.resolve(true);
    },
    segment: unused,
    segments: unused,
    bounds: unused,
    list: unused,
    allSegments: unused,
    all: unused,
  };
  return { store, segments };
}

describe('audit log: the request that appended each entry (logs and the segment beside the entries)', () => {
  it('entries of several requests in one group commit each keep their own request id', async () => {
    const { store, segments } = memoryStore();
    const logs = capturingLogger('debug');
    const log = createAuditLog(store, systemClock, logKey('k'.repeat(40)), undefined, { logger: logs.logger });
    // Submitted together: one segment holds all four (the group commit starts a microtask later).
    const appends = [
      runInRequestContext({ requestId: 'req-a' }, () => log.append({ type: 'user.updated', actorId: 'u1' })),
      runInRequestContext({ requestId: 'req-b', socketId: 's1' }, () =>
        log.append({
          type: 'auth.sign-in-failed',
          actorId: 'u2',
          data: { username: 'alice', reason: 'wrong-password' },
        }),
      ),
      log.append({ type: 'message.dropped', data: { reason: 'retention' } }), // a sweep: no request
      log.append({ type: 'system.bootstrap-invitation' }), // at start-up: no request either
      runInRequestContext({ requestId: 'req-a' }, () =>
        log.append({ type: 'user.suspended', subjectId: 'u3', data: { reason: 'Left the ministry' } }),
      ),
    ];
    const entries = await Promise.all(appends);
    expect(segments).to.have.length(1);
    expect(segments[0]?.requests).to.deep.equal([
      { seq: 1, requestId: 'req-a' },
      { seq: 2, requestId: 'req-b' },
      { seq: 5, requestId: 'req-a' },
    ]);
    // Beside the entries, not in them: the leaves are those of the entries alone.
    for (const entry of segments[0]?.entries ?? []) expect(entry).to.not.have.property('requestId');
    expect(segments[0]?.entries.map(entryLeafHash)).to.deep.equal(entries.map(entryLeafHash));

    const appended = logs.lines().filter((line) => line.msg === 'audit entry appended');
    expect(appended.map(({ requestId, auditSeq, type }) => ({ requestId, auditSeq, type }))).to.deep.equal([
      { requestId: 'req-a', auditSeq: 1, type: 'user.updated' },
      { requestId: 'req-b', auditSeq: 2, type: 'auth.sign-in-failed' },
      { requestId: undefined, auditSeq: 3, type: 'message.dropped' },
      { requestId: undefined, auditSeq: 4, type: 'system.bootstrap-invitation' },
      { requestId: 'req-a', auditSeq: 5, type: 'user.suspended' },
    ]);
    const security = logs.lines().filter((line) => line.security);
    expect(security).to.have.length(3);
    expect(security[0]).to.include({
      level: 30,
      security: 'auth.sign-in-failed',
      requestId: 'req-b',
      socketId: 's1',
      auditSeq: 2,
      actorId: 'u2',
      reason: 'wrong-password',
    });
    // The group commit runs in the context of the request that started it (req-a): an entry of no
    // request written in it must not take that request's id.
    expect(security[1]).to.include({ security: 'system.bootstrap-invitation', auditSeq: 4 });
    expect(security[1]).to.not.have.property('requestId');
    expect(security[2]).to.include({ security: 'user.suspended', requestId: 'req-a', auditSeq: 5, subjectId: 'u3' });
    // A coded reason is kept, an admin's free text is not; the login name never.
    expect(security[2]).to.not.have.property('reason');
    expect(logs.text()).to.not.include('alice').and.not.include('Left the ministry');
  });

  it('at info, no per-entry line is written; security lines still are', async () => {
    const { store } = memoryStore();
    const logs = capturingLogger('info');
    const log = createAuditLog(store, systemClock, logKey('k'.repeat(40)), undefined, { logger: logs.logger });
    await runInRequestContext({ requestId: 'req-c' }, () => log.append({ type: 'auth.signed-in', actorId: 'u1' }));
    await log.append({ type: 'message.dropped' });
    expect(logs.lines().map((line) => line.msg)).to.deep.equal(['security event: auth.signed-in']);
  });
});
