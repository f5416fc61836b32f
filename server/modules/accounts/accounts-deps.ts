import type { EndedSessionStore, RefreshTokenStore } from './ports/sessions.js';
import type { InvitationStore } from './ports/invitations.js';
import type { MemberStateStore } from '../directory/ports.js';
import type { User, UserStore } from './ports/users.js';
import type { Clock } from '../../system/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AccessTokenSigner } from './access-tokens.js';
import type { ActorSource } from './actor-cache.js';
import type { OpaqueFlows } from './opaque-flows.js';
import type { SecondApprovals } from '../dual-control/dual-control-deps.js';

/** Tells every server node that a user's sessions end now (sockets are closed). */
export interface SessionRevocations {
  revokeUser(userId: string): void;
  /** Closes the sockets of one session (refresh family) only. */
  revokeSession(sessionId: string): void;
}

/** What the account use cases are given; they know nothing of HTTP or sockets. */
/** Tells the admins responsible for a person that the person changed (best effort: the lists are the truth). */
export interface PeopleNotifier {
  updated(person: Pick<User, 'id' | 'role' | 'state' | 'status'>): void;
}

export interface AccountsDeps {
  users: UserStore;
  invitations: InvitationStore;
  refreshTokens: RefreshTokenStore;
  audit: AuditLog;
  clock: Clock;
  tokens: AccessTokenSigner;
  /** OPAQUE: the server setup and the state between a step's start and finish. */
  opaque: OpaqueFlows;
  revocations: SessionRevocations;
  people: PeopleNotifier;
  endedSessions: EndedSessionStore;
  /** Accounts as requests re-check them, with their sessions ended on their own. */
  actors: ActorSource;
  /** Member states: a focal point is invited only for domains their state takes part in. */
  states: MemberStateStore;
  /** Tells the directory that who is active, or their keys, changed. */
  directoryChanged(): Promise<void>;
  /** Actions on a national admin take a second person: the first step asks here. */
  dualControl: SecondApprovals;
  /** Base URL for invitation links (the web client). */
  publicOrigin: string;
  /** A session is renewed for at most this long after its sign-in. */
  sessionMaxAgeMs: number;
}
