// The FocalNet client SDK: no DOM here, so it runs in Node and in browsers alike.
export { ApiError, isApiError, CLIENT_ERROR_CODES, type ApiErrorCode, type ClientErrorCode } from './api-error.js';
export { createFocalNetClient, type FocalNetClient, type FocalNetClientOptions } from './focalnet-client.js';
export type { FetchLike } from './http-transport.js';
export { memorySessionStore, StoredSession, type SessionStore } from './session-store.js';
export type { SessionManager } from './session-manager.js';
export { memoryKeyStore, type KeyStore, type UnlockedKeys } from './key-store.js';
export { localKeyCrypto } from './local-key-crypto.js';
export {
  ENROLMENT_STEPS,
  type EnrolmentMaterial,
  type EnrolmentRequest,
  type EnrolmentStep,
  type KeyCrypto,
} from './key-crypto.js';
export type { PasswordResets, ResetPasswordInput } from './password-reset.js';
export type {
  ChangePasswordInput,
  KeyRotation,
  Registration,
  RegisterWithInvitationInput,
  UnlockInput,
} from './onboarding.js';
export type { SignInPolicy } from './opaque-sign-in.js';
export { localOpaqueClient, type OpaqueClient, type PendingLogin, type PendingRegistration } from './opaque-client.js';
export { connectSocket, type FocalNetSocket, type SocketHelperOptions } from './socket.js';
export { answerLivenessPrompt, onLivenessPrompt } from './liveness-socket.js';
export type { AuditQuery } from './api/audit-api.js';
export type { ListUsersFilter, SearchUsersFilter, UserPatch, UserOrSecondStep } from './api/users-api.js';
export { isAwaitingSecondApproval, type DualControlApi } from './api/dual-control-api.js';
export type { AuditLogApi } from './api/audit-log-api.js';
export type { AuditLogMonitor, AuditLogStatus } from './audit-log/audit-log-monitor.js';
export { memoryAuditHeadStore, SavedAuditLog, type AuditHeadStore } from './audit-log/head-store.js';
export type {
  AuditLogDiscrepancy,
  AuditLogUnchecked,
  AuditLogVerdict,
  AuditLogVerified,
  DiscrepancyKind,
  InclusionFailure,
  InclusionVerdict,
} from './audit-log/verdict.js';
export type { MySession, TotpSetup } from './api/me-api.js';
export type { DirectoryFilter } from './api/directory-api.js';
export type { LivenessOutcome } from './api/liveness-api.js';
export type { PoliciesApi } from './api/policies-api.js';
export type { ApprovalsApi } from './api/approvals-api.js';
export type { WebhooksApi } from './api/webhooks-api.js';
export type { EventsApi } from './api/events-api.js';
export type { LibraryApi } from './api/library-api.js';
export type { LibraryClient } from './library/library-client.js';
export type { TravelDocumentsApi } from './api/travel-documents-api.js';
export type {
  Hit as TravelDocumentHit,
  InputProblem as TravelDocumentInputProblem,
  ListingInput,
  ListingOutcome,
  OwnListing,
  PrepareOutcome,
  ScreeningInput,
  ScreeningResult,
  SyncOutcome,
  TravelDocumentsClient,
} from './travel-documents/types.js';
export { documentCheckRequest, DOCUMENT_CHECK_LABELS } from './travel-documents/document-check.js';
export { LISTING_CSV_COLUMNS, LISTING_CSV_HEADER } from '../../shared/travel-documents/listing-csv.js';
export { MANIFEST_CSV_COLUMNS, MANIFEST_CSV_HEADER } from '../../shared/travel-documents/manifest-csv.js';
export type {
  LibraryFileEntry,
  LibraryFileInput,
  LibraryPublishInput,
  LibraryVersionInput,
  OpenedItem,
  OpenedItemDetail,
  OpenedVersion as OpenedLibraryVersion,
} from './library/library-content.js';
export type { HeldExchange } from './messaging/open-held.js';
export type { HistoryFilter, MessagesApi } from './api/messages-api.js';
export {
  memoryKnownKeys,
  type ContactKeyring,
  type ContactKeys,
  type KeyChange,
  type KnownKeysStore,
  type SeenKey,
} from './messaging/contact-keys.js';
export { AttachmentRef, MessageContent, ReceiptContent } from './messaging/message-content.js';
export type {
  Messenger,
  MessengerOptions,
  SendInput,
  SentMessage,
  ReadReceipt,
  HistoryPage,
} from './messaging/messenger.js';
export type { ReceivedMessage, RejectedEnvelope } from './messaging/open-delivered.js';
export type { OutgoingAttachment } from './messaging/seal-outgoing.js';
export { MAX_APPROVER_RESEALS, newMsgId, sendHeldAware, type SealWithApprovers } from './messaging/send-held-aware.js';
export type { RequestsApi, SubmitRequestInput, SubmitOutcome, TransitionInput } from './api/requests-api.js';
export { deputyCoverage, type AwayNotice, type DeputyCoverage, type DeputySkipped } from './duty/deputy-coverage.js';
export type { DocumentsApi } from './api/documents-api.js';
export type {
  DocumentFileInput,
  DocumentListItem,
  Documents,
  DraftInput,
  OpenedComment,
  OpenedDocument,
  OpenedVersion as OpenedDocumentVersion,
} from './documents/documents.js';
