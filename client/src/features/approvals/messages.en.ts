/** English strings of the approvals queue (top-level key `approvals` of en.ts). */
const approvals = {
  nav: 'Approvals',
  waiting: '{{count}} waiting for your state’s decision',
  title: 'Exchanges held for approval',
  intro:
    'Exchanges that a rule of your state’s disclosure policy holds until a national admin decides. You see who sends to whom and under which labels, and the content, decrypted here with your keys (the sender encrypts it to your state’s national admins too; the server never reads it). One rejection ends an exchange; it is released once every holding state approved.',
  show: 'Show',
  tab: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', expired: 'Expired' },
  empty: {
    pending: 'Nothing waits for your state’s decision.',
    approved: 'No approved exchanges.',
    rejected: 'No rejected exchanges.',
    expired: 'No expired exchanges.',
  },
  status: { pending: 'pending', approved: 'approved', rejected: 'rejected', expired: 'expired' },
  route: 'From {{from}} to {{to}}',
  labels: 'Labels',
  kind: 'Kind',
  heldBy: 'Held by',
  hold: '{{state}}: {{direction}} rule “{{rule}}” (policy version {{version}})',
  waitingFor: 'Waiting for',
  decisions: 'Decisions',
  verdict: {
    approved: '{{state}}: approved by {{name}} on {{date}}',
    rejected: '{{state}}: rejected by {{name}} on {{date}}',
  },
  created: 'Held since',
  expires: 'Expires',
  settled: 'Settled',
  content: 'Content',
  contentLoading: 'Decrypting…',
  attachments: '{{count}} attachment(s), readable by the recipients once released',
  comment: 'Comment',
  commentHint: 'Optional when approving; required when rejecting — the sender is told why.',
  reasonRequired: 'Say why you reject it: the sender is told.',
  approve: 'Approve for my state',
  reject: 'Reject',
  confirmReject: {
    title: 'Reject this exchange for your state?',
    confirm: 'Reject — the exchange ends and is delivered to no one',
    reason: 'Why you reject it (the sender is told)',
  },
  alreadyDecided: 'Your state has decided; waiting for the other holding states.',
  ownExchange: 'You sent this exchange: another national admin of your state must decide on it.',
  notice: {
    pending: 'Approved for your state. The exchange still waits for the other holding states.',
    approved: 'Approved: the exchange is released to its recipients.',
    rejected: 'Rejected: the exchange will not be delivered, and the sender is told why.',
    expired: 'The time to decide on this exchange has run out.',
  },
} as const;

export const approvalsEn = { approvals };
