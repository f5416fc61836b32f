/** English strings of the account page (top-level key `account` of en.ts). */
const account = {
  link: 'Your account',
  title: 'Your account',
  facts: {
    username: 'Username',
    role: 'Role',
    state: 'Member state',
    status: 'Status',
    totp: 'Two-factor authentication',
    totpOn: 'On',
    totpOff: 'Off',
    totpSetUp: 'Set it up',
    keyVersion: 'Key version',
  },
  notifications: {
    title: 'Notifications on this computer',
    toggle: 'Tell me when a message or request arrives while FocalNet is in the background',
    hint: 'The notification names only the kind and the sender’s state, never the content. This browser asks for your permission once.',
    blocked:
      'This browser blocks notifications from FocalNet: allow them in the browser’s site settings to turn this on.',
    unsupported: 'This browser cannot show notifications.',
  },
  sessions: {
    title: 'Where you are signed in',
    intro:
      'Each browser or program signed in to your account. End any you do not recognise or no longer use: it stops at once.',
    current: 'this browser',
    unknownDevice: 'Unknown browser or program',
    signedIn: 'signed in {{at}}',
    lastActive: 'last active {{at}}',
    end: 'Sign it out',
    endOthers: 'Sign out all other sessions',
  },
  recovery: {
    title: 'Recovery key',
    confirmed: 'A recovery key is set, and you typed it back when it was made.',
    notConfirmed: 'A recovery key is set, but it was never confirmed: make a new one and keep it safe.',
    hint: 'With your recovery key you can set a new password if you forget yours. A new key replaces the old one, which stops working at once.',
    make: 'Make a new recovery key',
    done: 'Your new recovery key is set. The old one no longer works.',
  },
  password: {
    title: 'Change your password',
    intro:
      'Your password never leaves this browser: the server only checks that you know it. Your private keys are wrapped again here under the new one. Your other sessions end; you stay signed in here. Your recovery key stays valid.',
    current: 'Current password',
    currentMissing: 'Enter your current password.',
    code: 'Code from your authenticator app',
    codeMissing: 'Enter the current 6-digit code.',
    new: 'New password',
    repeat: 'Repeat the new password',
    submit: 'Change the password',
    working: 'Wrapping your keys…',
    done: 'Password changed. Your other sessions have ended.',
  },
  /** An admin's link for someone who forgot their password (people page). */
  resetLink: {
    issue: 'Password reset link',
    title: 'Password reset link for {{name}}',
    intro:
      'Give this link to {{name}} through a channel you trust; it works once, until {{until}}. To finish, they need their recovery key: the link alone changes nothing. A newer link replaces this one.',
    link: 'Reset link',
    close: 'Close',
  },
  /** /reset#TOKEN: the person sets a new password with their recovery key. */
  reset: {
    title: 'Reset your password',
    loading: 'Checking the link…',
    for: 'Account: {{name}} ({{username}})',
    intro:
      'Your recovery key (shown once when you registered) unlocks your keys here in the browser; they are wrapped under the new password and the server never sees them. Every session of this account ends.',
    recoveryKey: 'Recovery key',
    recoveryHint: '56 characters; dashes and spaces are optional.',
    submit: 'Set the new password',
    working: 'Unlocking and wrapping your keys…',
    done: 'Your password is changed. Sign in with the new one.',
    signIn: 'Sign in',
    noToken: 'This address has no reset token. Open the link exactly as your administrator gave it.',
    noRecoveryKey:
      'Without your recovery key the password cannot be reset: ask your administrator for new keys instead (they will verify you again).',
  },
};

export const accountEn = { account };
