/**
 * The English catalogue: each feature's strings live beside it (features/<feature>/messages.en.ts),
 * words every part uses in shared.en.ts. Russian (ru.ts) must have exactly the same keys: its type
 * says so, and a test checks it.
 */
import { sharedEn } from './shared.en';
import type { Translation } from './translation';
import { shellEn } from '../features/shell/messages.en';
import { authEn } from '../features/auth/messages.en';
import { onboardingEn } from '../features/onboarding/messages.en';
import { verificationEn } from '../features/verification/messages.en';
import { adminEn } from '../features/admin/messages.en';
import { accountEn } from '../features/account/messages.en';
import { directoryEn } from '../features/directory/messages.en';
import { messagingEn } from '../features/messaging/messages.en';
import { requestsEn } from '../features/requests/messages.en';
import { approvalsEn } from '../features/approvals/messages.en';
import { policiesEn } from '../features/policies/messages.en';
import { consensusEn } from '../features/consensus/messages.en';
import { documentsEn } from '../features/documents/messages.en';
import { livenessEn } from '../features/liveness/messages.en';
import { reviewEn } from '../features/review/messages.en';
import { dutyEn } from '../features/duty-roster/messages.en';
import { webhooksEn } from '../features/webhooks/messages.en';
import { eventsEn } from '../features/events/messages.en';
import { trainingEn } from '../features/training/messages.en';
import { emailAlertsEn } from '../features/email-alerts/messages.en';
import { circularsEn } from '../features/circulars/messages.en';
import { libraryEn } from '../features/library/messages.en';
import { travelDocumentsEn } from '../features/travel-documents/messages.en';
import { dualControlEn } from '../features/dual-control/messages.en';
import { auditLogEn } from '../features/audit-log/messages.en';

export const en = {
  ...sharedEn,
  ...shellEn,
  ...authEn,
  ...onboardingEn,
  ...verificationEn,
  ...adminEn,
  ...accountEn,
  ...directoryEn,
  ...messagingEn,
  ...requestsEn,
  ...approvalsEn,
  ...policiesEn,
  ...consensusEn,
  ...documentsEn,
  ...livenessEn,
  ...reviewEn,
  ...dutyEn,
  ...webhooksEn,
  ...eventsEn,
  ...trainingEn,
  ...emailAlertsEn,
  ...circularsEn,
  ...libraryEn,
  ...travelDocumentsEn,
  ...dualControlEn,
  ...auditLogEn,
};

/** What every catalogue holds: the English keys, each with a string. */
export type Messages = Translation<typeof en>;
