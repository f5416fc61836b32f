import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../../shared/schemas/accounts';
import { FormError } from '../../../components/form-error';
import { useLoaded } from '../../../hooks/use-loaded';
import { useClient } from '../../../services/client-context';
import { usePolicyLabels } from '../use-policy-labels';

/**
 * Whether new versions of the own state's policy need two national admins' signatures. Turning
 * it on takes one admin; letting one signature suffice again takes a second admin's confirmation.
 */
export function TwoSignatureSetting({
  me,
  state,
  name,
}: {
  me: UserView;
  state: string;
  name: (userId: string) => string;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const client = useClient();
  const signing = useLoaded(useCallback(() => client.policies.signing(state), [client, state]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const rule = signing.data;
  if (signing.error !== undefined) return <FormError error={signing.error} />;
  if (!rule) return null;

  const change = async (twoSignatures: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await client.policies.setSigning(state, twoSignatures);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      signing.reload();
    }
  };
  const request = rule.releaseRequest;

  return (
    <section className="card" aria-labelledby="two-signatures-title" data-testid="two-signatures">
      <h3 id="two-signatures-title">{t('policies.signing.title')}</h3>
      <p data-testid="two-signatures-state" data-on={rule.twoSignatures}>
        {rule.twoSignatures ? t('policies.signing.on') : t('policies.signing.off')}
      </p>
      {request && (
        <p className="notice" data-testid="release-request">
          {t('policies.signing.requested', {
            name: name(request.requestedBy),
            date: l.date(request.requestedAt),
            expires: l.date(request.expiresAt),
          })}
        </p>
      )}
      <FormError error={error} />
      <div className="actions">
        {!rule.twoSignatures ? (
          <button type="button" onClick={() => void change(true)} disabled={busy}>
            {t('policies.signing.turnOn')}
          </button>
        ) : request && request.requestedBy !== me.id ? (
          <button type="button" onClick={() => void change(false)} disabled={busy}>
            {t('policies.signing.confirmOff')}
          </button>
        ) : request ? (
          <p className="hint">{t('policies.signing.askedByMe')}</p>
        ) : (
          <button type="button" onClick={() => void change(false)} disabled={busy}>
            {t('policies.signing.askOff')}
          </button>
        )}
      </div>
      <p className="hint">{t('policies.signing.hint')}</p>
    </section>
  );
}
