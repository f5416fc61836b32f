import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { AuditStore } from '../../modules/audit/ports.js';
import type { AuditLogDeps } from '../../modules/audit/audit-log-deps.js';
import type { AccountsDeps } from '../../modules/accounts/accounts-deps.js';
import type { DirectoryReadDeps } from '../../modules/directory/read-directory.js';
import type { LivenessDeps } from '../../modules/liveness/liveness-deps.js';
import type { MessagingDeps } from '../../modules/messaging/messaging-deps.js';
import type { SnapshotSigner } from '../../modules/directory/snapshot-signer.js';
import type { PoliciesDeps } from '../../modules/policies/policies-deps.js';
import type { RequestsDeps } from '../../modules/requests/requests-deps.js';
import type { ConsensusDeps } from '../../modules/consensus/consensus-deps.js';
import type { TrainingDeps } from '../../modules/training/training-deps.js';
import type { DocumentsDeps } from '../../modules/documents/documents-deps.js';
import type { WebhooksDeps } from '../../modules/webhooks/webhooks-deps.js';
import type { NotificationsDeps } from '../../modules/notifications/notifications-deps.js';
import type { EventsDeps } from '../../modules/events/events-deps.js';
import type { CircularsDeps } from '../../modules/circulars/circulars-deps.js';
import type { LibraryDeps } from '../../modules/library/library-deps.js';
import type { TravelDocumentsDeps } from '../../modules/travel-documents/travel-documents-deps.js';
import type { DualControlDeps } from '../../modules/dual-control/dual-control-deps.js';
import type { Authenticator } from '../authenticate.js';
import type { RateLimits } from '../rate-limits.js';

/** What the module routes are given by the app factory. */
export interface RouteContext {
  router: Router;
  registry: OpenAPIRegistry;
  accounts: AccountsDeps;
  directory: DirectoryReadDeps;
  liveness: LivenessDeps;
  messaging: MessagingDeps;
  snapshots: SnapshotSigner;
  auditEntries: AuditStore;
  /** The audit log's heads, proofs and witnesses. */
  auditLog: AuditLogDeps;
  policies: PoliciesDeps;
  requests: RequestsDeps;
  consensus: ConsensusDeps;
  training: TrainingDeps;
  documents: DocumentsDeps;
  /** Absent where no webhook channel is composed (the routes are then not mounted). */
  webhooks?: WebhooksDeps;
  notifications: NotificationsDeps;
  events: EventsDeps;
  circulars: CircularsDeps;
  library: LibraryDeps;
  travelDocuments: TravelDocumentsDeps;
  dualControl: DualControlDeps;
  authn: Authenticator;
  limits: RateLimits;
}
