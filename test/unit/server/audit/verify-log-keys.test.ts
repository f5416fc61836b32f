import { expect } from 'chai';
import type { AuditEntry } from '../../../../server/modules/audit/audit-entry.js';
import { EMPTY_TIP, sealSegment, tipOf, type AuditSegment } from '../../../../server/modules/audit/audit-segment.js';
import { logKey, type LogKey } from '../../../../server/modules/audit/log-key.js';
import { verifySegments } from '../../../../server/modules/audit/verify-log.js';

const OLD = logKey('o'.repeat(40));
const NEW = logKey('n'.repeat(40));

/** A log of one-entry segments, each signed by the key given for it. */
function logSignedBy(keys: LogKey[]): AuditSegment[] {
  const segments: AuditSegment[] = [];
  let tip = EMPTY_TIP;
  keys.forEach((key, i) => {
    const entry: AuditEntry = {
      seq: i + 1,
      at: new Date(Date.UTC(2026, 11, 1, 0, 0, i)),
      type: 'auth.signed-in',
      actorId: null,
      state: null,
      subjectId: null,
      data: {},
    };
    const segment = sealSegment(tip, [entry], entry.at, key);
    segments.push(segment);
    tip = tipOf(segment);
  });
  return segments;
}

async function* each(segments: AuditSegment[]): AsyncGenerator<AuditSegment> {
  yield* segments;
}

describe('verifySegments across renewed log keys', () => {
  const logKeys = [OLD.publicKey, NEW.publicKey];

  it('takes heads signed by the key in force, moving forward to the next key once', async () => {
    const verdict = await verifySegments(each(logSignedBy([OLD, OLD, NEW, NEW])), { logKeys });
    expect(verdict).to.deep.include({ ok: true, checked: 4 });
  });

  it('refuses a head signed by a key renewed away from (a node still signing with the old key)', async () => {
    const verdict = await verifySegments(each(logSignedBy([OLD, NEW, OLD])), { logKeys });
    expect(verdict.ok).to.equal(false);
    if (!verdict.ok)
      expect(verdict.firstBroken).to.deep.equal({
        seq: 3,
        reason: "segment 3's head is not signed by the log key in force",
      });
  });

  it('refuses a head signed by a key the history does not hold', async () => {
    const verdict = await verifySegments(each(logSignedBy([OLD, NEW])), { logKeys: [OLD.publicKey] });
    expect(verdict.ok).to.equal(false);
  });
});
