import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifiedAddress } from '../../../../shared/schemas/notifications';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';

// The link works once: a page mounted twice (React's strict mode, a re-render) shares the one answer.
const verifications = new Map<string, Promise<VerifiedAddress>>();
function verifyOnce(token: string, verify: () => Promise<VerifiedAddress>): Promise<VerifiedAddress> {
  const pending = verifications.get(token) ?? verify();
  verifications.set(token, pending);
  return pending;
}

/** /notifications/verify#TOKEN, from the mail: confirms the address, signed in or not. */
export function VerifyAddressPage() {
  const { t } = useTranslation();
  const client = useClient();
  // The token travels in the fragment, which browsers never send to a server.
  const [token] = useState(() => window.location.hash.slice(1));
  const result = useLoaded(
    useCallback(
      async () => (token ? verifyOnce(token, () => client.notifications.verify(token)) : undefined),
      [client, token],
    ),
  );
  return (
    <>
      <h2>{t('emailAlerts.verify.title')}</h2>
      {!token ? (
        <p className="card warning" role="alert">
          {t('emailAlerts.verify.noToken')}
        </p>
      ) : result.error ? (
        <FormError error={result.error} />
      ) : result.data ? (
        <p className="card success" role="status" data-testid="address-verified">
          {t('emailAlerts.verify.done', { address: result.data.address })}
        </p>
      ) : (
        <p>{t('emailAlerts.verify.working')}</p>
      )}
      <p>
        <Link to="/account/notifications">{t('emailAlerts.verify.settings')}</Link>
      </p>
    </>
  );
}
