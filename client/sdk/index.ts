// The FocalNet client SDK: no DOM here, so it runs in Node and in browsers alike.
export { ApiError, isApiError, CLIENT_ERROR_CODES, type ApiErrorCode, type ClientErrorCode } from './api-error.js';
export { createFocalNetClient, type FocalNetClient, type FocalNetClientOptions } from './focalnet-client.js';
export type { FetchLike } from './http-transport.js';
export { memorySessionStore, StoredSession, type SessionStore } from './session-store.js';
export type { SessionManager } from './session-manager.js';
export { memoryKeyStore, type KeyStore, type UnlockedKeys } from './key-store.js';
export { localKeyCrypto } from './local-key-crypto.js';
export { ENROLMENT_STEPS, type EnrolmentMaterial, type EnrolmentRequest, type EnrolmentStep, type KeyCrypto } from './key-crypto.js';
export type { Registration, RegisterWithInvitationInput, UnlockInput } from './onboarding.js';
export { connectSocket, type FocalNetSocket, type SocketHelperOptions } from './socket.js';
export { answerLivenessPrompt, onLivenessPrompt } from './liveness-socket.js';
export type { AuditQuery } from './api/audit-api.js';
export type { ListUsersFilter, UserPatch } from './api/users-api.js';
export type { TotpSetup } from './api/me-api.js';
export type { DirectoryFilter } from './api/directory-api.js';
export type { LivenessOutcome } from './api/liveness-api.js';
export type { PoliciesApi } from './api/policies-api.js';
export type { ApprovalsApi } from './api/approvals-api.js';
