import { AccountPage } from '../account/account-page';
import { ResetPasswordPage } from '../account/reset-password-page';
import { usePath } from '../../router/router';
import { AdminPage, ADMIN_SECTIONS, type AdminSection } from '../admin/admin-page';
import { approvalsPage } from '../approvals/approvals-route';
import { dualControlPage } from '../dual-control/dual-control-route';
import { RequireSession } from '../auth/require-session';
import { SignInPage } from '../auth/sign-in-page';
import { TotpSetupPage } from '../auth/totp-setup-page';
import { directoryPage } from '../directory/directory-routes';
import { emailAlertsPage, VERIFY_PATH } from '../email-alerts/email-alerts-routes';
import { VerifyAddressPage } from '../email-alerts/verify-address-page';
import { livenessPage } from '../liveness/liveness-routes';
import { consensusPage } from '../consensus/consensus-route';
import { documentsPage } from '../documents/documents-route';
import { messagingPage } from '../messaging/messaging-routes';
import { InvitePage } from '../onboarding/invite-page';
import { policyPage } from '../policies/policy-routes';
import { requestsPage } from '../requests/requests-routes';
import { reviewPage } from '../review/review-route';
import { webhooksPage } from '../webhooks/webhooks-route';
import { eventsPage } from '../events/events-routes';
import { trainingPage } from '../training/training-routes';
import { circularsPage } from '../circulars/circulars-route';
import { libraryPage } from '../library/library-route';
import { travelDocumentsPage } from '../travel-documents/travel-documents-route';
import { HomePage } from './home-page';
import { fileAdoptedDocument } from './file-adopted-document';
import { useClient } from '../../services/client-context';
import { NotFoundPage } from '../../components/not-found-page';

const isSection = (value: string): value is AdminSection => (ADMIN_SECTIONS as readonly string[]).includes(value);

export function AppRoutes() {
  const path = usePath().replace(/\/+$/, '') || '/';
  const client = useClient();
  if (path === '/') return <HomePage />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/invite') return <InvitePage />;
  if (path === '/reset') return <ResetPasswordPage />;
  if (path === VERIFY_PATH) return <VerifyAddressPage />;
  if (path === '/security/totp')
    return (
      <RequireSession>
        <TotpSetupPage />
      </RequireSession>
    );
  if (path === '/account')
    return (
      <RequireSession>
        <AccountPage />
      </RequireSession>
    );
  const section = path.startsWith('/admin/') ? path.slice('/admin/'.length) : '';
  if (isSection(section))
    return (
      <RequireSession>
        <AdminPage section={section} />
      </RequireSession>
    );
  const policyOrApproval = policyPage(path) ?? approvalsPage(path) ?? dualControlPage(path) ?? webhooksPage(path);
  if (policyOrApproval) return <RequireSession>{policyOrApproval}</RequireSession>;
  const directoryOrLiveness = directoryPage(path) ?? livenessPage(path) ?? consensusPage(path) ?? reviewPage(path);
  if (directoryOrLiveness) return <RequireSession>{directoryOrLiveness}</RequireSession>;
  const messaging = messagingPage(path);
  if (messaging) return <RequireSession>{messaging}</RequireSession>;
  const documents = documentsPage(path, { onFileInLibrary: fileAdoptedDocument(client) });
  if (documents) return <RequireSession>{documents}</RequireSession>;
  const emailAlerts = emailAlertsPage(path);
  if (emailAlerts) return <RequireSession>{emailAlerts}</RequireSession>;
  const requests = requestsPage(path);
  if (requests) return <RequireSession>{requests}</RequireSession>;
  const events = eventsPage(path);
  if (events) return <RequireSession>{events}</RequireSession>;
  const training = trainingPage(path);
  if (training) return <RequireSession>{training}</RequireSession>;
  const circulars = circularsPage(path);
  if (circulars) return <RequireSession>{circulars}</RequireSession>;
  const library = libraryPage(path);
  if (library) return <RequireSession>{library}</RequireSession>;
  const travelDocuments = travelDocumentsPage(path);
  if (travelDocuments) return <RequireSession>{travelDocuments}</RequireSession>;
  return <NotFoundPage />;
}
