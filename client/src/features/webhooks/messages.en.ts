/** English strings of the webhooks page (top-level key `webhooks` of en.ts). */
const webhooks = {
  nav: 'Webhooks',
  title: 'Webhooks for national systems',
  intro:
    'Your state’s national systems (a case-management system, a 24/7 desk’s tools) can be told at once when something arrives, by a signed HTTPS request to an address you register here, instead of asking again and again. Each notice carries ids and metadata only — never content: the system then fetches the encrypted message through the SDK with a focal point’s credentials.',
  readOnly: 'The national admins of each state register its endpoints. You see them here without their secrets.',
  empty: 'No endpoints yet: nothing is sent outside the app.',
  add: {
    title: 'Register an endpoint',
    url: 'Address (URL)',
    urlHint: 'An https:// address of your national system that the server can reach on the internet.',
    urlMissing: 'Enter the https:// address of your national system.',
    description: 'Description (optional)',
    descriptionHint: 'Which system this is and who runs it, for the next admin.',
    events: 'Send a notice when',
    eventsMissing: 'Choose at least one event.',
    submit: 'Register endpoint',
  },
  event: {
    request: {
      arrived: 'a request arrives for a focal point of your state',
      step: 'the other side takes a step on a request',
      reminder: 'a request’s deadline is near',
      overdue: 'a request to your state is overdue',
    },
    message: { arrived: 'a message arrives for a focal point of your state' },
    approval: { waiting: 'an exchange waits for your state’s approval' },
    test: 'test event',
  },
  secret: {
    created: 'Endpoint registered. Copy its signing secret now',
    rotated: 'New signing secret. Copy it now',
    warning:
      'This is the only time the secret is shown. Give it to the people who run the national system: it verifies that each notice comes from FocalNet. If it is lost, make a new one.',
    label: 'Signing secret',
    done: 'I have copied it',
  },
  endpoint: {
    on: 'On',
    off: 'Off',
    offBecause: {
      'receiver-gone':
        'Turned off by the server: the national system answered “410 Gone” (the address is no longer in use). Check the address with its operators, then turn it on again.',
    },
    state: 'State',
    events: 'Events',
    secret: 'Secret starts with',
    created: 'Registered',
    rotated: 'Secret replaced',
  },
  action: {
    turnOff: 'Turn off',
    turnOn: 'Turn on',
    test: 'Send test event',
    testQueued: 'Test event queued: it appears in the delivery log below within seconds.',
    turnedOff: 'Turned off: nothing is sent to this endpoint until it is turned on again.',
    turnedOn: 'Turned on: new events are sent to this endpoint.',
    rotate: 'Replace secret',
    rotateTitle: 'Replace the signing secret of {{url}}?',
    rotateConfirm: 'Replace secret — the old one stops working now',
    delete: 'Delete',
    deleteTitle: 'Delete the endpoint {{url}}?',
    deleteConfirm: 'Delete endpoint and its delivery log',
    deleted: 'Endpoint deleted.',
  },
  log: {
    title: 'Delivery log',
    empty: 'Nothing delivered yet. Send a test event to try the endpoint.',
    reload: 'Reload',
    when: 'Queued',
    event: 'Event',
    status: 'Status',
    attempts: 'Attempts',
    statusOf: { pending: 'retrying', sent: 'delivered', failed: 'failed' },
    next: 'next attempt {{time}}',
    attempt: 'Attempt {{n}}, {{time}}: {{outcome}} ({{ms}} ms)',
    answered: 'HTTP {{status}}',
    noAnswer: 'no answer: {{error}}',
  },
} as const;

export const webhooksEn = { webhooks };
