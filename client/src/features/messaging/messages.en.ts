/** English strings of messaging (top-level key `messaging` of en.ts). */
const messaging = {
  nav: 'Messages',
  list: {
    title: 'Messages',
    new: 'New message',
    dutyDesk: 'duty desk',
    empty: 'No conversations yet. Start one with “New message”.',
    unread: '{{count}} new',
    attachmentOnly: '(attachment)',
  },
  thread: {
    title: 'Conversation with',
    back: '← All conversations',
    me: 'Me',
    older: 'Show older messages',
    targetGone: 'The message you looked for is no longer in this conversation (its retention may have run out).',
    empty: 'No messages in this conversation yet.',
    previousKey: 'signed with a previous key (version {{version}})',
    previousKeyHint:
      'The sender has changed their keys since. This key was theirs when the message was signed, and the signature verifies against it.',
  },
  status: {
    sent: 'Sent',
    held: 'Held for approval',
    delivered: 'Delivered',
    read: 'Read',
    group: 'Delivered to {{delivered}} of {{total}}, read by {{read}}',
  },
  /** OS notifications while the tab is in the background: never the content. */
  notify: {
    message: 'New message from {{state}}',
    request: 'New request from {{state}}',
    'request-step': 'A request with {{state}} moved on',
  },
  attachments: {
    download: 'Download {{name}} ({{size}})',
    guarded: '{{name}} ({{size}}): not downloadable, see the handling code',
    /** A file's size; the number is formatted in the interface language. */
    size: {
      bytes: '{{size}} B',
      kb: '{{size}} KB',
      mb: '{{size}} MB',
      gb: '{{size}} GB',
    },
  },
  compose: {
    title: 'New message',
    intro:
      'Messages are encrypted in this browser for each recipient and for you; the server relays ciphertext and sees only the labels, which the disclosure policies are applied to.',
    label: 'Message',
    recipients: 'Recipients',
    noRecipients: 'No recipients chosen yet: search the directory.',
    search: 'Find in the directory',
    searchHint: 'Name, authority or state; focal points serving {{domain}}.',
    find: 'Search',
    nobodyFound: 'Nobody found.',
    add: 'Add',
    added: 'Added',
    remove: 'Remove',
    domain: 'Domain',
    category: 'Category',
    classification: 'Classification',
    handling: 'Handling code',
    text: 'Message',
    attach: 'Attachments',
    attachHint: 'Encrypted here before upload.',
    chooseFiles: 'Choose files',
    noFiles: 'No files chosen',
    removeFile: 'Remove {{name}}',
    fileTooLarge: '{{name}} is larger than the {{limit}} limit for attachments.',
    tooManyFiles: 'A message carries at most {{max}} files.',
    send: 'Encrypt and send',
    sent: 'Sent.',
    sentHeld: 'Sent and held for approval: the national admins must release it before it is delivered.',
    willBeHeld: 'This message will be held for approval by the national admins before it is delivered.',
    blockedDeny:
      'You cannot send this as it stands: the disclosure policies do not allow it. If you believe the exchange should be possible, ask your national admin; or send a request instead.',
    labels: 'Labels',
    labelsFromThread: 'as in this conversation',
    editLabels: 'Change labels',
    decisionDetails: 'Why, state by state',
    blockedHandling:
      'The disclosure policies require handling code {{code}} or stricter: raise the handling code to send.',
  },
  /** Received information that may not be passed on (handling code H2 or H3, or a policy condition). */
  onward: {
    guarded:
      'Handling code {{code}}: not to be passed on without the consent of {{state}}. Copying it and downloading its files are off here; ask the sender for consent first.',
  },
  /** The policy decision on the message being written, in one sentence. */
  decision: {
    allow:
      'Allowed: the rules you can read allow this message to {{states}} (unpublished rules are checked on sending).',
    conditions: 'Allowed with conditions to {{states}}: {{conditions}}.',
    approve: 'Held for approval before delivery to {{states}}. Legal basis: {{basis}}.',
    deny: 'Not allowed to {{states}}. Legal basis: {{basis}}.',
  },
  /** The server refused a message: in plain words, and what to do instead. */
  refusal: {
    title: 'Not sent: the disclosure policies do not allow this exchange.',
    rule: '{{recipient}}: refused by an {{rule}} rule of {{state}}. Legal basis: {{basis}}.',
    unpublished: '{{recipient}}: refused by a restriction of {{state}} (not published).',
    next: 'Your text is still here. If you believe this exchange should be possible, ask your national admin. For information the other state decides on, send a request instead.',
    makeRequest: 'Send a request instead',
  },
  /** Search in my messages: runs in the browser over decrypted history. */
  search: {
    title: 'Search in my messages',
    label: 'Search in my messages',
    button: 'Search',
    intro:
      'Messages are encrypted end to end, so the server cannot search them: this browser searches the history it decrypts, newest first.',
    tooShort: 'Type at least {{min}} characters to search.',
    searching: 'Searching…',
    summaryLatest: 'Searched the latest {{count}} messages; found: {{found}}.',
    summaryAll: 'Searched all {{count}} messages; found: {{found}}.',
    none: 'No message contains “{{query}}”.',
    older: 'Search older messages',
    file: 'File',
  },
  keyChanged: {
    text: 'The key of this person changed (version {{from}} → {{to}}):',
    fingerprint: 'new fingerprint {{fingerprint}}; compare the safety number with them before you rely on it.',
    accept: 'I have checked the new key',
  },
} as const;

export const messagingEn = { messaging };
