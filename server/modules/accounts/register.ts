import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import { AppError } from '../../../shared/errors.js';
import type {
  RegisterRequest,
  RegisterResponse,
  RegistrationStartRequest,
  RegistrationStartResponse,
} from '../../../shared/schemas/accounts.js';
import type { Invitation } from './ports/invitations.js';
import { UsernameTakenError, type User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { hashOpaqueToken } from './opaque-tokens.js';
import { toUserView } from './user-view.js';

type RegisterInput = Omit<RegisterRequest, 'displayName'> & { displayName?: string | undefined };

const invitationInvalid = (): AppError =>
  new AppError('invitation.invalid', 'this invitation is not valid: it may have expired, been used or been revoked');
const usernameTaken = (): AppError => new AppError('user.username-taken', 'this username is taken');

async function openInvitation(deps: AccountsDeps, token: string): Promise<Invitation> {
  const invitation = await deps.invitations.findByTokenHash(hashOpaqueToken(token));
  if (!invitation || invitation.status !== 'open' || invitation.expiresAt <= deps.clock.now())
    throw invitationInvalid();
  return invitation;
}

/**
 * Registration, first round trip: the OPAQUE registration response for this username. The flow
 * binds the username and the invitation, so the record the client sends back is stored only for
 * the name it was made for.
 */
export async function startRegistration(
  deps: AccountsDeps,
  input: RegistrationStartRequest,
): Promise<RegistrationStartResponse> {
  const invitation = await openInvitation(deps, input.token);
  if (await deps.users.findByUsername(input.username)) throw usernameTaken();
  const registrationResponse = deps.opaque.registrationResponse(input.username, input.registrationRequest);
  const flowId = deps.opaque.seal(
    { purpose: 'register', username: input.username, userId: null, serverLoginState: null, subject: invitation.id },
    deps.clock.now(),
  );
  return { flowId, registrationResponse };
}

/**
 * Redeems an invitation: the person made an OPAQUE record and their keys in the browser (the
 * password never left it); the server checks the key bundle's signature and stores the record,
 * the public keys and the wrapped blob. The account then waits for verification — except the
 * bootstrap network admin, who has nobody to verify them and is active at once (audited as such).
 */
export async function register(deps: AccountsDeps, input: RegisterInput): Promise<RegisterResponse> {
  const now = deps.clock.now();
  const invitation = await openInvitation(deps, input.token);
  const flow = await deps.opaque.consume(input.opaque.flowId, 'register', now);
  if (flow.username !== input.username || flow.subject !== invitation.id) {
    throw new AppError(
      'auth.username-mismatch',
      'this registration record was made for another username or invitation: start the registration again',
      [{ path: ['body', 'opaque', 'registrationRecord'], message: 'made for another username' }],
    );
  }
  const displayName = input.displayName ?? invitation.displayName;
  if (!(await verifyKeyBundle(input.keys)))
    throw new AppError('keys.invalid', 'the encryption key is not signed by the identity key');
  if (await deps.users.findByUsername(input.username)) throw usernameTaken();

  const bootstrap = invitation.role === 'network-admin' && invitation.createdBy === null;
  let user: User;
  try {
    user = await deps.users.create({
      username: input.username,
      displayName,
      role: invitation.role,
      state: invitation.state,
      domains: invitation.domains,
      status: bootstrap ? 'active' : 'pending-verification',
      opaque: { record: input.opaque.registrationRecord, stretching: input.opaque.stretching },
      keys: { ...input.keys, keyVersion: 1, createdAt: now, ...(bootstrap ? { verifiedAt: now } : {}) },
      wrappedKeys: input.wrappedKeys,
      invitedBy: invitation.createdBy,
      recoveryConfirmedAt: input.recoveryKeyConfirmed ? now : null,
      now,
    });
  } catch (error) {
    if (error instanceof UsernameTakenError) throw usernameTaken();
    throw error;
  }
  // Single use, atomically: of two registrations racing with one token, the second is undone.
  if (!(await deps.invitations.claim(invitation.id, user.id, now))) {
    await deps.users.update(user.id, { status: 'removed', keys: null }, { revokeTokens: true, now });
    throw invitationInvalid();
  }
  await deps.audit.append({
    type: 'invitation.redeemed',
    actorId: user.id,
    state: user.state,
    subjectId: invitation.id,
  });
  await deps.audit.append({
    type: 'user.registered',
    actorId: user.id,
    state: user.state,
    subjectId: user.id,
    data: { role: user.role, status: user.status, bootstrap, keyVersion: 1 },
  });
  deps.people.updated(user);

  return { user: toUserView(user), verifiers: await verifiersFor(deps, user) };
}

/** The admins who will compare safety numbers with this person: those responsible for them. */
export async function verifiersFor(deps: AccountsDeps, user: User): Promise<RegisterResponse['verifiers']> {
  const admins =
    user.role === 'focal-point'
      ? await deps.users.list({
          role: 'national-admin',
          status: 'active',
          ...(user.state ? { state: user.state } : {}),
        })
      : await deps.users.list({ role: 'network-admin', status: 'active' });
  return admins
    .filter((admin) => admin.id !== user.id && admin.keys)
    .map((admin) => ({
      id: admin.id,
      displayName: admin.displayName,
      role: admin.role,
      identityKey: admin.keys?.identityKey ?? '',
    }));
}
