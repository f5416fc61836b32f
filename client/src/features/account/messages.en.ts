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
};
