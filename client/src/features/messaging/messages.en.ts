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
      'The disclosure policies do not allow this exchange (see the reasons above): change the labels or the recipients.',
    blockedHandling:
      'The disclosure policies require handling code {{code}} or stricter: raise the handling code to send.',
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
