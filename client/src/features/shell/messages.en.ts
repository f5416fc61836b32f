/** English strings of the shell: app name, header and home page: the catalogue's top-level keys `app`, `header`, `home`. */
export const shellEn = {
  app: {
    name: 'FocalNet',
    tagline: 'Network of national focal points: directory and secure information exchange',
  },
  shell: {
    skip: 'Skip to the main content',
    menu: 'Menu',
    waiting: 'waiting for you: {{count}}',
    groups: { work: 'Work', activities: 'Action plan', state: 'State', network: 'Network' },
    pages: { invite: 'Invitation', reset: 'Reset your password' },
  },
  header: {
    signedInAs: 'Signed in as {{name}}',
    account: 'Your account',
  },
  home: {
    welcome: 'Welcome to FocalNet',
    intro:
      'National focal points find their counterparts and exchange information here, end-to-end encrypted. Sign in with your account, or open the invitation link you received to register.',
    signIn: 'Sign in',
    title: 'What needs you',
    nothing: 'Nothing waits for you.',
    // Lines read "<what>: <count>", as counts do elsewhere in the app (no plural forms needed).
    count: '{{what}}: {{count}}',
    unavailable: '{{what}}: cannot be shown just now.',
    what: {
      unread: 'Unread messages',
      requests: 'Requests awaiting your answer',
      clarifications: 'Your requests on which a clarification is asked of you',
      'stale-entry': 'Your directory entry',
      'incomplete-entry': 'Your directory entry',
      'pending-people': 'Newcomers waiting for your verification',
      'held-exchanges': 'Exchanges held for your approval',
      'awaiting-position': 'Decisions awaiting your state’s position',
      'open-proposals': 'Undecided proposals',
    },
    overdue: 'overdue: {{count}}',
    staleEntry: 'Your directory entry is out of date: confirm or correct it.',
    incompleteEntry: 'First step: complete your directory entry so colleagues can find and reach you.',
    lastConfirmed: 'Last confirmed on {{date}}',
    silence: 'Under the silence procedure, saying nothing counts as consent.',
    secondFactorFirst: 'Once two-factor authentication is on, what needs you appears here.',
    quick: { label: 'Quick links', directory: 'Find a counterpart', message: 'New message', request: 'New request' },
    suspended: 'Your account is suspended. Contact your administrator.',
  },
} as const;
