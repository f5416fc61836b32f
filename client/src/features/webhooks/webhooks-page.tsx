import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { WebhookSecretIssued } from '../../../../shared/schemas/webhooks';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { toActor } from '../../services/actor';
import { useClient } from '../../services/client-context';
import { AddEndpointForm } from './add-endpoint-form';
import { EndpointCard } from './endpoint-card';
import { IssuedSecret } from './issued-secret';
import './webhooks.css';

/** A state's webhook endpoints: register, turn on and off, test, replace the secret, delete, read the delivery log. */
export function WebhooksPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const manage = can(toActor(me), 'webhook:manage', { state: me.state });
  const endpoints = useLoaded(useCallback(() => client.webhooks.list(), [client]));
  const [issued, setIssued] = useState<{ secret: WebhookSecretIssued; rotated: boolean }>();
  const show = (secret: WebhookSecretIssued, rotated: boolean): void => {
    setIssued({ secret, rotated });
    endpoints.reload();
    globalThis.scrollTo?.({ top: 0 });
  };
  return (
    <>
      <h2>{t('webhooks.title')}</h2>
      <p>{t('webhooks.intro')}</p>
      {!manage && <p className="detail">{t('webhooks.readOnly')}</p>}
      {issued && <IssuedSecret issued={issued.secret} rotated={issued.rotated} onDone={() => setIssued(undefined)} />}
      <FormError error={endpoints.error} />
      {!endpoints.data ? (
        <p>{t('common.loading')}</p>
      ) : endpoints.data.length === 0 ? (
        <p className="card" data-testid="no-webhooks">
          {t('webhooks.empty')}
        </p>
      ) : (
        endpoints.data.map((endpoint) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            manage={manage}
            showState={!manage}
            onChanged={endpoints.reload}
            onRotated={(secret) => show(secret, true)}
          />
        ))
      )}
      {manage && <AddEndpointForm onCreated={(secret) => show(secret, false)} />}
    </>
  );
}
