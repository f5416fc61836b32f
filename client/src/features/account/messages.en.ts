/** English strings of the account page (top-level key `account` of en.ts). */
export const accountEn = {
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
    keyVersion: 'Key version',
  },
  password: {
    title: 'Change your password',
    intro: 'Your password also protects your private keys: they are wrapped again under the new password here in the browser, and the server never sees them. Your other sessions end; you stay signed in here. Your recovery key stays valid.',
    current: 'Current password',
    currentMissing: 'Enter your current password.',
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
    intro: 'Give this link to {{name}} through a channel you trust; it works once, until {{until}}. To finish, they need their recovery key: the link alone changes nothing. A newer link replaces this one.',
    link: 'Reset link',
    close: 'Close',
  },
  /** /reset#TOKEN: the person sets a new password with their recovery key. */
  reset: {
    title: 'Reset your password',
    loading: 'Checking the link…',
    for: 'Account: {{name}} ({{username}})',
    intro: 'Your recovery key (shown once when you registered) unlocks your keys here in the browser; they are wrapped under the new password and the server never sees them. Every session of this account ends.',
    recoveryKey: 'Recovery key',
    recoveryHint: '56 characters; dashes and spaces are optional.',
    submit: 'Set the new password',
    working: 'Unlocking and wrapping your keys…',
    done: 'Your password is changed. Sign in with the new one.',
    signIn: 'Sign in',
    noToken: 'This address has no reset token. Open the link exactly as your administrator gave it.',
    noRecoveryKey: 'Without your recovery key the password cannot be reset: ask your administrator for new keys instead (they will verify you again).',
  },
};
