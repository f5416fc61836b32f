/** English strings of network-wide decisions (top-level key `consensus` of en.ts). */
const consensus = {
  nav: 'Network decisions',
  awaiting: '{{count}} awaiting you',
  title: 'Network decisions',
  intro:
    'Decisions that bind the whole network — admitting a state, adding a domain, changing network-wide settings — are taken by consensus: the secretariat proposes, and each member state gives its position through its national administrators.',
  kind: {
    'directory-freshness': 'Change how long directory entries stay current',
    'admit-state': 'Admit a member state',
    'add-domain': 'Add a domain',
    'rename-domain': 'Rename a domain',
    'retire-domain': 'Retire a domain',
    'set-travel-documents-reciprocity': 'Set reciprocity of the lost and stolen travel documents screening',
  },
  change: {
    'directory-freshness': 'Directory entries stay current for {{days}} days',
    'admit-state': 'Admit {{name}} ({{code}}) as a member state',
    'add-domain': 'Add the domain {{name}} ({{code}})',
    'rename-domain': 'Rename the domain {{code}} to {{name}}',
    'retire-domain': 'Retire the domain {{name}} ({{code}})',
    'set-liveness-schedule':
      'Scheduled liveness checks of every state’s focal points — {{cadence}}, first on {{first}}, {{hours}} hours to answer',
    'remove-liveness-schedule': 'Stop the network’s scheduled liveness checks',
    'adopt-document': 'Adopt a document for comment: {{kind}}',
    'set-travel-documents-reciprocity': {
      on: 'Lost and stolen travel documents: a state that lists none of its own receives no other state’s listings',
      off: 'Lost and stolen travel documents: every participating state screens, whether it lists or not',
    },
  },
  procedure: { silence: 'Silence procedure', unanimity: 'Unanimity' },
  procedureHint: {
    silence: 'Adopted at the deadline unless a member state objects before it; one objection breaks the silence.',
    unanimity: 'Adopted once every member state approves; an objection, or the deadline, ends it unadopted.',
  },
  status: { open: 'open', adopted: 'adopted', rejected: 'not adopted', withdrawn: 'withdrawn' },
  outcome: {
    'silence-kept': 'Adopted: no state objected before the deadline.',
    unanimous: 'Adopted: every member state approved.',
    objection: 'Not adopted: a member state objected.',
    lapsed: 'Not adopted: not every member state approved before the deadline.',
    withdrawn: 'Withdrawn by the secretariat.',
  },
  position: { approve: 'approves', object: 'objects' },
  propose: {
    title: 'Propose a decision',
    kind: 'Change',
    freshnessDays: 'Days an entry stays current',
    freshnessHint: 'From 7 to 3650 days. Entries not confirmed for longer are shown as stale.',
    stateCode: 'State code',
    stateCodeHint: 'ISO 3166-1 alpha-2, e.g. JP.',
    domainCode: 'Domain code',
    domainCodeHint:
      'Lower-case letters and digits, words joined by “-”, e.g. maritime-security. It cannot be changed later.',
    domain: 'Domain',
    chooseDomain: 'Choose a domain',
    retireHint:
      'Once adopted, no state takes part in it and nothing new can be sent or requested under it. Request cases already open may finish, and what was exchanged keeps its name.',
    reciprocity: 'Reciprocity',
    reciprocityHint:
      'When required, a state screens against other states’ lost and stolen travel documents only while it lists some of its own.',
    reciprocityOn: 'Required: screen only if you list',
    reciprocityOff: 'Not required',
    nameEn: 'Name in English',
    nameRu: 'Name in Russian',
    procedure: 'Procedure',
    deadline: 'Deadline',
    deadlineHint: 'At least {{hours}} hours and at most 180 days from now.',
    rationale: 'Rationale (shown to every state)',
    invalid: 'Check this field.',
    submit: 'Propose to the member states',
    done: 'Proposed: the member states can now give their positions.',
  },
  list: { title: 'Proposals', empty: 'No proposals yet.' },
  card: {
    deadline: 'deadline {{at}}',
    proposed: 'proposed by the secretariat on {{at}}',
    positions: 'Positions given: {{given}}; silent: {{silent}} of {{total}} member states',
  },
  respond: {
    none: 'Your state has not given a position (silence).',
    current: 'Your state’s position: {{position}}. You may change it while the proposal is open.',
    comment: 'Comment (optional)',
    approve: 'Approve',
    object: 'Object',
  },
  withdraw: 'Withdraw the proposal',
  confirmObject: {
    title: 'Object to this proposal?',
    silence: 'Object — ends the silence procedure for every state',
    unanimity: 'Object — the proposal is not adopted, for every state',
    reason: 'Why your state objects (every state reads it)',
  },
  confirmWithdraw: {
    title: 'Withdraw this proposal?',
    confirm: 'Withdraw — ends the procedure for every state; nothing changes',
    reason: 'Why the secretariat withdraws it (every state reads it)',
  },
  withdrawalReason: 'Reason given: {{reason}}',
};

export const consensusEn = { consensus };
