import type { AuditLogDiscrepancy, AuditLogUnchecked } from '../../../sdk/index';

/** What the alert says about a failed check: message keys of `auditLog.alert` and their values. */
export interface VerdictAlert {
  /** A discrepancy is a danger; a check that could not run is a warning. */
  tone: 'danger' | 'warning';
  title: 'title' | 'uncheckedTitle';
  body: 'truncated' | 'inconsistent' | 'bad-signature' | 'bad-signature-first' | 'proof-refused' | 'unchecked';
  /** date, saved and current sizes, for the message's placeholders. */
  values: Record<string, string | number>;
  /** Whether the national admins and the secretariat were told (absent when nothing was to tell). */
  told?: 'told' | 'notTold';
}

/** The alert for a verdict that failed; `date` writes the saved head's time in the person's language. */
export function describeVerdict(
  verdict: AuditLogDiscrepancy | AuditLogUnchecked,
  date: (iso: string) => string,
): VerdictAlert {
  if (verdict.kind === 'unchecked') return { tone: 'warning', title: 'uncheckedTitle', body: 'unchecked', values: {} };
  const told = verdict.reported ? 'told' : 'notTold';
  const saved = verdict.saved;
  if (!saved) return { tone: 'danger', title: 'title', body: 'bad-signature-first', values: {}, told };
  return {
    tone: 'danger',
    title: 'title',
    body: verdict.kind,
    values: {
      date: date(saved.at),
      saved: saved.size,
      ...(verdict.current ? { current: verdict.current.size } : {}),
    },
    told,
  };
}
