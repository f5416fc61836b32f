/** English strings of the circulars page (top-level key `circulars` of en.ts). */
const circulars = {
  nav: 'Circulars',
  title: 'Circulars',
  intro:
    'A circular is one message from the secretariat or a national admin to an audience: every focal point of a domain, every national admin, or everyone. It is end-to-end encrypted like any message; the sender sees in how many states it was read.',
  unread: 'Unread circulars: {{count}}',
  received: {
    title: 'Received',
    empty: 'No circulars for you yet.',
    from: 'From {{who}}',
    secretariat: 'the secretariat',
    adminOf: 'national admin of {{state}}',
    new: 'New',
    open: 'Open and read',
    close: 'Close',
    readAt: 'Read {{date}}',
    unverifiedKey: 'The sender’s key has not been verified by an administrator.',
  },
  sent: {
    title: 'Sent',
    empty: 'No circulars sent yet.',
    readIn: 'Read in {{read}} of {{total}} states',
    perState: 'Per state',
    state: 'State',
    recipients: 'Recipients',
    read: 'Read',
    leftOut: 'Left out',
    noneLeftOut: 'No state was left out.',
    show: 'Show the text',
    reload: 'Refresh',
  },
  audience: {
    label: 'To',
    domain: 'Every focal point of the {{domain}} domain',
    'national-admins': 'Every national admin',
    everyone: 'Everyone in the network',
  },
  compose: {
    title: 'New circular',
    subject: 'Subject',
    text: 'Text',
    hint: 'Subject and text are encrypted in this browser: the server never sees them.',
    preview: 'Show who will receive it',
    previewTitle: 'Who will receive it',
    reaches: 'Recipients: {{count}}, in {{states}}',
    nobody: 'Nobody of this audience can receive it.',
    leftOutTitle: 'Left out',
    neverHeld:
      'A circular is never held for approval: a state whose policy would hold it, or sets conditions the labels do not meet, is left out.',
    send: 'Send the circular',
    sending: 'Encrypting and sending…',
    sent: 'Sent. Recipients: {{count}}.',
    missing: 'Write a subject and a text.',
  },
} as const;

export const circularsEn = { circulars };
