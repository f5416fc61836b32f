/** English strings of actions that take two people (top-level key `dualControl` of en.ts). */
const dualControl = {
  nav: 'Second approvals',
  title: 'Second approvals',
  intro:
    'Activating, suspending, reactivating or removing a national admin takes two people: the secretariat member who asks (for an activation, the one who compared the safety number) and a second approver — another secretariat member or an active national admin of that state. The same goes for secretariat members, approved by another secretariat member, once the secretariat has one who could. Nobody approves their own request, and nobody decides on their own account.',
  needsYou: 'Needs your approval',
  nothingForYou: 'Nothing waits for your approval.',
  others: 'Waiting for someone else',
  kind: {
    'activate-national-admin': 'Activate {{name}} as national admin of {{state}}',
    'suspend-national-admin': 'Suspend {{name}}, national admin of {{state}}',
    'reactivate-national-admin': 'Lift the suspension of {{name}}, national admin of {{state}}',
    'remove-national-admin': 'Remove {{name}}, national admin of {{state}}, from the network',
    'activate-secretariat-member': 'Activate {{name}} as a secretariat member',
    'suspend-secretariat-member': 'Suspend {{name}}, secretariat member',
    'reactivate-secretariat-member': 'Lift the suspension of {{name}}, secretariat member',
    'remove-secretariat-member': 'Remove {{name}}, secretariat member, from the network',
  },
  askedBy: 'Asked by {{name}} on {{date}}',
  comparison:
    '{{name}} states that they compared the safety number of key version {{version}} with {{subject}} on a call and every digit matched.',
  reason: 'Reason given: {{reason}}',
  expires: 'Expires {{date}} unless someone approves it.',
  approve: 'Approve',
  refuse: 'Refuse',
  refuseTitle: 'Refuse this request?',
  confirmRefuse: 'Refuse: nothing is done',
  refuseReason: 'Why (the person who asked reads it)',
  cancel: 'Withdraw my request',
  cancelTitle: 'Withdraw this request?',
  confirmCancel: 'Withdraw it',
  decided: {
    approved: 'Approved: the action has been carried out.',
    refused: 'Refused: nothing was done.',
    cancelled: 'Withdrawn: nothing was done.',
    expired: 'Expired: nothing was done.',
    pending: 'Still waiting.',
  },
  what: {
    'activate-national-admin': 'Activation',
    'suspend-national-admin': 'Suspension',
    'reactivate-national-admin': 'Lifting the suspension',
    'remove-national-admin': 'Removal',
    'activate-secretariat-member': 'Activation',
    'suspend-secretariat-member': 'Suspension',
    'reactivate-secretariat-member': 'Lifting the suspension',
    'remove-secretariat-member': 'Removal',
  },
  waiting: '{{what}}: waiting for a second approver (since {{since}}, expires {{expires}}).',
  whoMayApprove: 'Who can approve: another secretariat member or an active national admin of {{state}}.',
  nobodyYet:
    'Nobody can approve it yet: there is no other secretariat member and no active national admin of {{state}} (with their authenticator app). Invite a second secretariat member: they can approve it before it expires.',
  whoMayApproveSecretariat: 'Who can approve: another secretariat member.',
  nobodyYetSecretariat:
    'Nobody can approve it yet: no other secretariat member is active with their authenticator app.',
  open: 'See the request',
  count: '{{count}} need your approval',
} as const;

export const dualControlEn = { dualControl };
