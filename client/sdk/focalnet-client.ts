import type { UserKeys } from '../../shared/crypto/keys.js';
import { z } from 'zod';
import type { SignInRequest, UserView } from '../../shared/schemas/accounts.js';
import { approvalsApi, type ApprovalsApi } from './api/approvals-api.js';
import { auditApi, type AuditApi } from './api/audit-api.js';
import { auditLogApi } from './api/audit-log-api.js';
import { createAuditLogMonitor, type AuditLogMonitor } from './audit-log/audit-log-monitor.js';
import { memoryAuditHeadStore, type AuditHeadStore } from './audit-log/head-store.js';
import { directoryApi, type DirectoryApi } from './api/directory-api.js';
import { invitationsApi, type InvitationsApi } from './api/invitations-api.js';
import { livenessApi, type LivenessApi } from './api/liveness-api.js';
import { trainingApi, type TrainingApi } from './api/training-api.js';
import { consensusApi, type ConsensusApi } from './api/consensus-api.js';
import { meApi, type MeApi } from './api/me-api.js';
import { proveIdentity, type ReauthenticationInput } from './prove-identity.js';
import { messagesApi, type MessagesApi } from './api/messages-api.js';
import { notificationsApi, type NotificationsApi } from './api/notifications-api.js';
import { statesApi, type StatesApi } from './api/states-api.js';
import { domainsApi, type DomainsApi } from './api/domains-api.js';
import { reviewApi, type ReviewApi } from './api/review-api.js';
import { policiesApi, type PoliciesApi } from './api/policies-api.js';
import { usersApi, type UsersApi } from './api/users-api.js';
import { dualControlApi, type DualControlApi } from './api/dual-control-api.js';
import { requestsApi, type RequestsApi } from './api/requests-api.js';
import { webhooksApi, type WebhooksApi } from './api/webhooks-api.js';
import { eventsApi, type EventsApi } from './api/events-api.js';
import { circularsApi, type CircularsApi } from './api/circulars-api.js';
import { libraryApi } from './api/library-api.js';
import { libraryClient, type LibraryClient } from './library/library-client.js';
import { travelDocumentsApi, type TravelDocumentsApi } from './api/travel-documents-api.js';
import { travelDocumentsClient } from './travel-documents/travel-documents-client.js';
import type { TravelDocumentsClient } from './travel-documents/types.js';
import { createHttpTransport, type FetchLike } from './http-transport.js';
import type { EnrolmentStep, KeyCrypto } from './key-crypto.js';
import { memoryKeyStore, type KeyStore } from './key-store.js';
import { localKeyCrypto } from './local-key-crypto.js';
import { documentsApi } from './api/documents-api.js';
import { createDocuments, type Documents } from './documents/documents.js';
import { contactKeyring, memoryKnownKeys, type ContactKeyring, type KnownKeysStore } from './messaging/contact-keys.js';
import { createMessenger, type Messenger, type MessengerOptions } from './messaging/messenger.js';
import { passwordResets, type PasswordResets } from './password-reset.js';
import { memoryExportKeyHolder } from './export-key-holder.js';
import { opaqueSignIn, type SignInPolicy } from './opaque-sign-in.js';
import { localOpaqueClient, type OpaqueClient } from './opaque-client.js';
import {
  changePassword,
  newRecoveryKey,
  registerWithInvitation,
  rotateKeys,
  unlockKeys,
  type KeyRotation,
  type ChangePasswordInput,
  type Registration,
  type RegisterWithInvitationInput,
  type UnlockInput,
} from './onboarding.js';
import { createSessionManager, type SessionManager, type SessionOptions } from './session-manager.js';
import { memorySessionStore, type SessionStore, type StoredSession } from './session-store.js';
import type { FocalNetSocket } from './socket.js';

export interface FocalNetClientOptions {
  /** Where the server is, e.g. `https://focalnet.example` (no `/api`). */
  baseUrl: string;
  fetch?: FetchLike;
  /** Default: memory. A browser may keep tokens in sessionStorage so a reload stays signed in. */
  sessionStore?: SessionStore;
  /** Default: memory. */
  keyStore?: KeyStore;
  /** Default: in-process libsodium. A browser passes a Web Worker-backed one. */
  keyCrypto?: KeyCrypto;
  /** Clock for token expiry, ms since the epoch (tests move it). */
  now?: () => number;
  /** Refresh the access token when less than this is left; default 60 s. */
  refreshLeewaySeconds?: number;
  /** Contacts' keys as last seen, for key-change warnings. Default: memory. */
  knownKeys?: KnownKeysStore;
  /** Default: in-process. A browser passes one backed by a Web Worker (OPAQUE's argon2id would stall the page). */
  opaqueClient?: OpaqueClient;
  /** Pin the server's OPAQUE key, or refuse the one-time password upgrade of old accounts (see SignInPolicy). */
  signInPolicy?: SignInPolicy;
  /** Clients sharing one session (a browser's tabs) take turns to refresh it; see SessionOptions. */
  sharedRefresh?: SessionOptions['sharedRefresh'];
  /** The newest verified audit log head and the pinned log key, per person. Default: memory (pinned again by each new client). */
  auditHeads?: AuditHeadStore;
}

export interface FocalNetClient {
  readonly baseUrl: string;
  readonly session: SessionManager;
  readonly keyStore: KeyStore;
  readonly invitations: InvitationsApi;
  readonly users: UsersApi;
  /** Actions on national admins that take two people: the second person's list, approve, refuse. */
  readonly dualControl: DualControlApi;
  readonly me: MeApi;
  readonly audit: AuditApi;
  /**
   * The audit log as this client verified it: checked after every sign-in (consistency with the
   * head seen before), co-signed by a national admin's unlocked keys; `status()` for the pages.
   */
  readonly auditLog: AuditLogMonitor;
  readonly directory: DirectoryApi;
  readonly states: StatesApi;
  /** The network's domains (names for labels and pickers). */
  readonly domains: DomainsApi;
  /** The annual implementation review, from the audit trail (admins). */
  readonly review: ReviewApi;
  readonly liveness: LivenessApi;
  /** Network-wide decisions by consensus (admins). */
  readonly consensus: ConsensusApi;
  /** Documents for comment under the silence procedure, sealed and opened here (admins). */
  readonly documents: Documents;
  readonly policies: PoliciesApi;
  readonly approvals: ApprovalsApi;
  /** A state's webhook endpoints for its national systems (national admins). */
  readonly webhooks: WebhooksApi;
  /** The events calendar: events, registrations, iCalendar files and the personal feed. */
  readonly events: EventsApi;
  /** Centres of Excellence and training requests between states. */
  readonly training: TrainingApi;
  /** Circulars to an audience: preview, seal and send, read, tallies. */
  readonly circulars: CircularsApi;
  /** The relay over HTTP (ciphertext); `messenger` does the encryption. */
  readonly messages: MessagesApi;
  /** Contacts' directory keys, with key-change detection. */
  readonly contactKeys: ContactKeyring;
  /** End-to-end encrypted messaging over a socket from `connectSocket(client)`; call `start()`. */
  messenger(socket: FocalNetSocket, options?: MessengerOptions): Messenger;
  /** Information-exchange requests: submit (sealed, one envelope per state), steps, lists, statistics. */
  readonly requests: RequestsApi;
  /** E-mail notifications: my settings and address, what was sent. */
  readonly notifications: NotificationsApi;
  /** The shared library: items sealed and signed here, shelf keys shared with newcomers (`library.shareWithNewcomers()`). */
  readonly library: LibraryClient;
  /**
   * Lost and stolen travel documents: listing and screening with keyed tags (numbers never leave
   * this process); `api` for the counts only calls (states, statistics).
   */
  readonly travelDocuments: TravelDocumentsClient & { readonly api: TravelDocumentsApi };
  /**
   * Signs in by OPAQUE (RFC 9807): the password never leaves this process. Throws ApiError
   * auth.invalid-credentials, or auth.totp-required when the account has a second factor and `totp` is missing.
   */
  signIn(input: SignInRequest): Promise<StoredSession>;
  /** Ends the session on the server (best effort) and forgets tokens and unlocked keys here. */
  signOut(): Promise<void>;
  registerWithInvitation(input: RegisterWithInvitationInput): Promise<Registration>;
  unlockKeys(input: UnlockInput): Promise<UserKeys>;
  /** For a person who forgot their password: a reset link from their admin plus their recovery key. */
  readonly passwordResets: PasswordResets;
  /** Needs unlocked keys: they are wrapped under the new password's export key here. Other sessions end; this one continues. */
  changePassword(input: ChangePasswordInput): Promise<StoredSession>;
  /** New keys and a new recovery key, wrapped here; the account is verified again and every session ends. */
  /** New keys after proving the password (and the current authenticator code, once enrolled) now. */
  rotateKeys(input: ReauthenticationInput, onProgress?: (step: EnrolmentStep) => void): Promise<KeyRotation>;
  /** A new recovery key for the unlocked keys, sent once `confirm` resolves (the person typed part of it back); the old one stops working. */
  newRecoveryKey(confirm: (recoveryKeyText: string) => Promise<void>): Promise<UserView>;
}

/** A typed client of the accounts API, for browsers and Node alike (no DOM). */
export function createFocalNetClient(options: FocalNetClientOptions): FocalNetClient {
  // Browsers refuse `fetch` called detached from its global ("Illegal invocation").
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const transport = createHttpTransport(options.baseUrl, fetchImpl);
  const session = createSessionManager({
    transport,
    store: options.sessionStore ?? memorySessionStore(),
    now: options.now ?? Date.now,
    leewayMs: (options.refreshLeewaySeconds ?? 60) * 1000,
    ...(options.sharedRefresh ? { sharedRefresh: options.sharedRefresh } : {}),
  });
  const keyStore = options.keyStore ?? memoryKeyStore();
  const keyCrypto = options.keyCrypto ?? localKeyCrypto;
  const invitations = invitationsApi(transport, session);
  const opaque = options.opaqueClient ?? localOpaqueClient;
  const me = meApi(session, (input) => proveIdentity({ opaque, session }, input));
  const exportKeys = memoryExportKeyHolder();
  // A session that ends (sign-out, refused refresh) takes the export key with it.
  session.subscribe(() => {
    if (!session.current()) exportKeys.clear();
  });
  const deps = {
    invitations,
    me,
    session,
    keyStore,
    keyCrypto,
    transport,
    exportKeys,
    opaque,
    ...(options.signInPolicy ? { policy: options.signInPolicy } : {}),
  };
  const directory = directoryApi(transport, session);
  const messages = messagesApi(options.baseUrl, fetchImpl, session);
  const contactKeys = contactKeyring(
    directory,
    options.knownKeys ?? memoryKnownKeys(),
    options.now ? { now: options.now } : {},
  );
  const approvals = approvalsApi(session, { keyStore, keyring: contactKeys });
  const auditLog = createAuditLogMonitor({
    api: auditLogApi(transport, session),
    store: options.auditHeads ?? memoryAuditHeadStore(),
    session,
    keyStore,
  });

  return {
    baseUrl: options.baseUrl,
    session,
    keyStore,
    invitations,
    users: usersApi(session),
    dualControl: dualControlApi(session),
    me,
    audit: auditApi(session),
    auditLog,
    directory,
    states: statesApi(session),
    domains: domainsApi(session),
    review: reviewApi(session),
    liveness: livenessApi(session, keyStore),
    consensus: consensusApi(session),
    documents: createDocuments(documentsApi(options.baseUrl, fetchImpl, session), session, keyStore),
    policies: policiesApi(session, keyStore),
    approvals,
    webhooks: webhooksApi(session),
    events: eventsApi(session),
    training: trainingApi(session),
    circulars: circularsApi(session, keyStore, () => (options.now ?? Date.now)()),
    messages,
    contactKeys,
    messenger: (socket, messengerOptions) =>
      createMessenger({ session, keyStore, messages, keyring: contactKeys, socket, directory }, messengerOptions),
    // Looked up at each call, not captured: a page whose clock is replaced later (tests) is followed.
    requests: requestsApi(session, keyStore, options.now ?? (() => Date.now()), { directory, keyring: contactKeys }),
    notifications: notificationsApi(transport, session),
    library: libraryClient({ api: libraryApi(options.baseUrl, fetchImpl, session), session, keyStore }),
    travelDocuments: (() => {
      const api = travelDocumentsApi(options.baseUrl, fetchImpl, session);
      const now = () => (options.now ?? Date.now)();
      return { api, ...travelDocumentsClient({ api, session, keyStore, now }) };
    })(),
    async signIn(input) {
      const signedIn = await opaqueSignIn(deps, input);
      // Not awaited: the verdict comes through `auditLog` (a person signing in again is checked again).
      void auditLog.check();
      return signedIn;
    },
    async signOut() {
      const current = session.current();
      try {
        if (current)
          await session.authed({
            method: 'POST',
            path: '/api/auth/sign-out',
            body: { refreshToken: current.refreshToken },
            schema: z.object({ ok: z.literal(true) }),
          });
      } catch {
        // Signing out must always work here; a session the server already ended is ended.
      } finally {
        session.end();
        keyStore.clear();
        exportKeys.clear();
      }
    },
    registerWithInvitation: (input) => registerWithInvitation(deps, input),
    unlockKeys: (input) => unlockKeys(deps, input),
    changePassword: (input) => changePassword(deps, input),
    rotateKeys: (input, onProgress) => rotateKeys(deps, input, onProgress),
    newRecoveryKey: (confirm) => newRecoveryKey(deps, confirm),
    passwordResets: passwordResets(transport, keyCrypto, opaque),
  };
}
