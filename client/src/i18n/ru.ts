/** The Russian catalogue, from the same parts as en.ts. */
import type { Messages } from './en';
import { sharedRu } from './shared.ru';
import { shellRu } from '../features/shell/messages.ru';
import { authRu } from '../features/auth/messages.ru';
import { onboardingRu } from '../features/onboarding/messages.ru';
import { verificationRu } from '../features/verification/messages.ru';
import { adminRu } from '../features/admin/messages.ru';
import { accountRu } from '../features/account/messages.ru';
import { directoryRu } from '../features/directory/messages.ru';
import { messagingRu } from '../features/messaging/messages.ru';
import { requestsRu } from '../features/requests/messages.ru';
import { approvalsRu } from '../features/approvals/messages.ru';
import { policiesRu } from '../features/policies/messages.ru';
import { consensusRu } from '../features/consensus/messages.ru';
import { documentsRu } from '../features/documents/messages.ru';
import { livenessRu } from '../features/liveness/messages.ru';
import { reviewRu } from '../features/review/messages.ru';
import { dutyRu } from '../features/duty-roster/messages.ru';
import { webhooksRu } from '../features/webhooks/messages.ru';
import { eventsRu } from '../features/events/messages.ru';
import { trainingRu } from '../features/training/messages.ru';
import { emailAlertsRu } from '../features/email-alerts/messages.ru';
import { circularsRu } from '../features/circulars/messages.ru';
import { libraryRu } from '../features/library/messages.ru';
import { travelDocumentsRu } from '../features/travel-documents/messages.ru';
import { dualControlRu } from '../features/dual-control/messages.ru';
import { auditLogRu } from '../features/audit-log/messages.ru';

export const ru: Messages = {
  ...sharedRu,
  ...shellRu,
  ...authRu,
  ...onboardingRu,
  ...verificationRu,
  ...adminRu,
  ...accountRu,
  ...directoryRu,
  ...messagingRu,
  ...requestsRu,
  ...approvalsRu,
  ...policiesRu,
  ...consensusRu,
  ...documentsRu,
  ...livenessRu,
  ...reviewRu,
  ...dutyRu,
  ...webhooksRu,
  ...eventsRu,
  ...trainingRu,
  ...emailAlertsRu,
  ...circularsRu,
  ...libraryRu,
  ...travelDocumentsRu,
  ...dualControlRu,
  ...auditLogRu,
};
