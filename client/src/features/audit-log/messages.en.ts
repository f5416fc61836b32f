/** English strings of the audit log check: the alert on every page and the audit page's panel (top-level key `auditLog`). */
const auditLog = {
  alert: {
    title: 'Warning: the audit trail could not be verified',
    truncated:
      'The audit trail this server shows is shorter than the one you saw on {{date}} ({{current}} entries now, {{saved}} then): entries may have been removed.',
    inconsistent:
      'The audit trail this server shows does not continue the one you saw on {{date}}: earlier entries may have been changed or removed.',
    'bad-signature':
      'The audit trail is signed with another key than the one this browser has trusted since your first sign-in: it may not be the network’s real trail.',
    'bad-signature-first':
      'The audit trail is not signed with the key the directory publishes: it may not be the network’s real trail.',
    'proof-refused': 'The server would not prove that its audit trail continues the one you saw on {{date}}.',
    told: 'Your national administrators and the secretariat were told automatically.',
    notTold: 'Telling your national administrators and the secretariat failed.',
    whatToDo:
      'Do not rely on the audit trail until this is explained. Tell your national administrator and the secretariat by telephone or e-mail, not only through FocalNet (the server itself may be at fault), and give them the time of this warning. This browser keeps the trail it verified and checks again at your next sign-in.',
    uncheckedTitle: 'The audit trail was not checked at this sign-in',
    unchecked:
      'The server did not answer when this browser tried to verify the audit trail. It will try again at your next sign-in; sign out and in again to retry now.',
    understand: 'I understand',
  },
  panel: {
    title: 'Is this the trail you saw before?',
    summary: '{{count}} entries, head signed {{time}}.',
    verified: 'Verified by this browser.',
    verifiedUpTo: 'Verified by this browser up to entry {{size}}.',
    checking: 'Being verified by this browser…',
    failed:
      'Not verified by this browser: nothing proves that the trail this server shows continues the one verified before.',
    unchecked: 'Not verified by this browser at this sign-in (the server did not answer).',
    checkAgain: 'Verify again',
    cosigned: 'Co-signed by: {{states}}.',
    cosignedNone: 'Co-signed by: no state yet.',
    upTo: '{{state}} (up to entry {{size}})',
    witnessed: 'You co-signed the head of {{size}} entries from this browser.',
    witnessFailed: 'Your co-signature could not be sent: {{error}}',
  },
  inclusion: {
    verify: 'Verify inclusion',
    verifying: 'Verifying…',
    ok: 'Proven: entry {{seq}} is in the trail of {{size}} entries this browser verified.',
    'leaf-mismatch': 'Not proven: what this entry says does not match its hash; it was changed.',
    'proof-failed': 'Not proven: the server’s proof does not place this entry in the trail this browser verified.',
    'proof-refused': 'Not proven: the server gave no proof.',
    'log-unverified': 'Not proven: the audit trail itself could not be verified in this browser.',
    leafHash: 'Leaf hash',
  },
} as const;

export const auditLogEn = { auditLog };
