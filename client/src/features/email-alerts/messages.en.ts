/** English strings of e-mail notifications (top-level key `emailAlerts` of en.ts). */
const emailAlerts = {
  nav: 'Notification deliveries',
  title: 'E-mail notifications',
  intro:
    'FocalNet can e-mail you when something needs you — a request, an overdue case, a liveness check — so nothing depends on a tab being open. The mails carry no content, no names and no categories: only what happened, with which state, how urgent, until when, and a link to open it here.',
  accountLink: 'E-mail notifications',
  accountHint: 'Where and when FocalNet e-mails you about requests, deadlines and liveness checks.',
  unavailable:
    'This server sends no e-mail yet (no SMTP server is configured). Your choices are kept and apply once it does.',
  address: {
    title: 'Your address',
    label: 'E-mail address',
    hint: 'A link is sent to it first. Nothing else goes to an address until that link is opened.',
    invalid: 'Enter an e-mail address, like desk@mfa.example.',
    submit: 'Save and send the link',
    none: 'No address yet: FocalNet sends you no e-mail.',
    verified: 'Mails go to {{address}}.',
    pending: 'Waiting for you to open the link sent to {{address}} on {{at}}. Nothing else is sent to it until then.',
    resend: 'Send the link again',
    sent: 'A link was sent to {{address}}. Open it within 24 hours.',
    verifiedBadge: 'verified',
    pendingBadge: 'not verified yet',
  },
  settings: {
    title: 'What and when',
    enabled: 'Send me e-mail notifications',
    kinds: 'What to send, and how',
    kindsHint:
      'Urgent requests, overdue cases and liveness checks never wait for the digest. Only they can be sent even in quiet hours.',
    language: 'Language of the mails',
    timeZone: 'Your time zone',
    timeZoneHint: 'For quiet hours, the daily digest and the dates in mails. For example Asia/Almaty.',
    timeZoneInvalid: 'Enter a time zone such as Asia/Almaty or UTC.',
    useBrowserZone: 'Use this device’s ({{zone}})',
    quiet: 'Quiet hours',
    quietOn: 'Hold mails during quiet hours',
    quietFrom: 'From',
    quietTo: 'Until',
    quietHint: 'Mails are held until the quiet hours end, except those you send “even in quiet hours”.',
    quietSame: 'The start and end of quiet hours must differ.',
    digest: 'Digest of what is not urgent',
    digestHourly: 'Every hour',
    digestDaily: 'Once a day',
    digestHour: 'At',
    save: 'Save',
    saved: 'Saved. New notifications follow these settings.',
  },
  modes: {
    off: 'Not by e-mail',
    immediate: 'At once',
    always: 'At once, even in quiet hours',
    digest: 'In the digest',
  },
  languages: { en: 'English', ru: 'Russian', both: 'English and Russian' },
  kinds: {
    request: {
      arrived: 'A request arrives',
      step: 'A request you are part of moves on',
      reminder: 'A request’s deadline is near',
      overdue: 'A request is overdue',
    },
    message: {
      arrived: 'A message arrives',
    },
    liveness: {
      prompt: 'A liveness check asks you to confirm',
    },
    approval: {
      waiting: 'An exchange waits for your state’s approval',
    },
    policy: {
      'awaiting-cosignature': 'A new version of your state’s disclosure policy waits for a second signature',
    },
    consensus: {
      opened: 'A network decision asks for your state’s position',
      closing: 'A network decision closes within a day and your state has given no position',
      decided: 'A network decision has ended',
    },
    event: {
      'registration-closing': 'Registration for an event of your domains closes soon',
      starting: 'An event you are registered for starts soon',
      changed: 'An event your state registered for was changed or cancelled',
    },
    training: {
      requested: 'Another state asks your state to host a training',
      answered: 'A host state answers your state’s training request',
    },
    circular: {
      arrived: 'A circular arrives',
    },
    'dual-control': {
      waiting: 'Activating, suspending or removing a national admin waits for your approval',
    },
    digest: 'Digest',
  },
  statuses: { pending: 'waiting', sent: 'sent', failed: 'failed' },
  deliveries: {
    mine: 'Your recent notification e-mails',
    title: 'Notification deliveries',
    intro:
      'The notification e-mails of your state’s people. A failed one did not arrive: ask the person to check their address in their notification settings. Addresses are not shown here.',
    onlyFailed: 'Only those that failed',
    none: 'No notification e-mails yet.',
    attempts: 'Attempts',
    when: 'Last attempt',
    error: 'Last error',
    due: 'due {{at}}',
  },
  verify: {
    title: 'Confirm your address',
    working: 'Confirming your address…',
    done: '{{address}} is confirmed. FocalNet’s notifications will go to it from now on.',
    noToken: 'This page opens from the link in the mail FocalNet sent you. Open that link again.',
    settings: 'Your notification settings',
  },
} as const;

export const emailAlertsEn = { emailAlerts };
