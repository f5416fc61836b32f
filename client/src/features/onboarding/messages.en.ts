/** English strings of onboarding: invitation, registration, recovery key, waiting for verification: the catalogue's top-level keys `invite`, `register`, `progress`, `recovery`, `pending`. */
export const onboardingEn = {
  invite: {
    title: 'Invitation to FocalNet',
    checking: 'Checking the invitation…',
    missing: 'This link holds no invitation. Open the complete link you received.',
    invalid:
      'This invitation cannot be used: it may have expired, been used or been revoked. Ask the person who invited you for a new link.',
    intro: 'You are invited to join FocalNet as:',
    role: 'Role',
    state: 'Member state',
    domains: 'Domains',
    name: 'Name',
    expires: 'Valid until',
  },
  register: {
    title: 'Create your account',
    username: 'Username',
    usernameRule: '3–64 characters: lower-case letters, digits, dot, dash, underscore.',
    displayName: 'Your name as others will see it',
    password: 'Password',
    passwordRule:
      'At least 12 characters. Avoid common words and patterns. This password also protects your private keys: if you forget it, only your recovery key restores them.',
    confirmPassword: 'Repeat the password',
    mismatch: 'The two passwords differ.',
    tooShort: 'The password needs at least 12 characters ({{count}} so far).',
    submit: 'Create account and keys',
  },
  progress: {
    title: 'Creating your keys',
    intro:
      'Your keys are made on this device. Only their public halves, and the private halves locked with your password and recovery key, are sent to the server.',
    steps: {
      'generating-keys': 'Generating the signing and encryption keys',
      'making-recovery-key': 'Making the recovery key',
      'wrapping-with-password': 'Locking the keys with your password (this takes a moment)',
      'wrapping-with-recovery-key': 'Locking the keys with the recovery key',
      registering: 'Registering with the server',
      done: 'Done',
    },
    signingIn: 'Signing in',
  },
  recovery: {
    title: 'Your recovery key',
    warning:
      'Write this key down on paper or store it in a password manager now. It is shown only this once. If you forget your password, it is the only way back to your keys.',
    stored: 'I have stored the recovery key in a safe place',
    retype: 'To confirm, type the last group of the key',
    wrongGroup: 'That is not the last group of the key.',
    continue: 'Continue',
  },
  pending: {
    title: 'Waiting for verification',
    intro:
      'An administrator must confirm that the keys registered under your name are really yours. Compare the safety number below with them by telephone or in person — never through this site. When they activate your account, this page changes by itself.',
    with: 'Safety number with {{name}} ({{role}})',
    noVerifiers: 'No administrator who can verify you is active yet. Contact the conference secretariat.',
    watching: 'Waiting for activation…',
    activated: 'Your account is verified and active.',
    continue: 'Continue',
    badge: 'pending verification',
  },
} as const;
