/** English strings of signing in: password, keys unlocked, authenticator: the catalogue's top-level keys `signIn`, `unlock`, `totp`. */
export const authEn = {
  signIn: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    totp: 'Authenticator code',
    totpHint: 'Enter the 6-digit code from your authenticator app.',
    submit: 'Sign in',
    submitting: 'Signing in…',
    remember: 'This browser remembers me',
    rememberHint:
      'A reload or a new tab then needs no password; your keys stay here, encrypted. Untick it on a shared computer: nothing is kept after you sign out or close the tab.',
  },
  unlock: {
    title: 'Unlock your keys',
    intro:
      'Your private keys are stored encrypted; the server cannot read them. Unlock them for this session on this device.',
    password: 'Password',
    passwordHint: 'Your account password also protects your keys.',
    recoveryKey: 'Recovery key',
    recoveryHint: '56 characters; dashes and spaces are optional.',
    useRecovery: 'Use the recovery key instead',
    usePassword: 'Use the password instead',
    submit: 'Unlock',
    working: 'Unlocking…',
    signOut: 'Sign out instead',
  },
  totp: {
    title: 'Two-factor authentication',
    required:
      'Administrators must confirm each sign-in with an authenticator app before they can use the administration pages.',
    requiredFocalPoint:
      'Your state requires its focal points to confirm each sign-in with an authenticator app before they exchange messages and requests.',
    start: 'Begin setup',
    password: 'Your password',
    passwordHint: 'Asked again so that only you can set up the authenticator of this account.',
    scan: 'Scan this QR code with your authenticator app, or enter the secret by hand.',
    qrAlt: 'QR code for the authenticator app',
    secret: 'Secret',
    code: 'Code from the app',
    confirm: 'Confirm',
    done: 'Two-factor authentication is on. From now on, sign-in asks for a code.',
    already: 'Two-factor authentication is on for your account.',
    continue: 'Continue to administration',
    continueHome: 'Go to the home page',
  },
} as const;
