import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../sdk/index';
import { FormError } from '../../../components/form-error';

/**
 * Why publishing failed, with the way out: a version conflict means another admin published
 * meanwhile (reload and reapply); a refused signature means the key that signed is not the
 * signer's current verified identity key.
 */
export function PublishError({ error, onReapply, busy }: { error: unknown; onReapply: () => void; busy: boolean }) {
  const { t } = useTranslation();
  if (isApiError(error, 'policy.version-conflict')) {
    return (
      <div className="form-error" role="alert" data-code={error.code}>
        <p>{t('policies.publish.conflict')}</p>
        <p className="small">{error.message}</p>
        <button type="button" className="primary" onClick={onReapply} disabled={busy}>
          {t('policies.publish.reapply')}
        </button>
      </div>
    );
  }
  if (isApiError(error, 'policy.signature-invalid')) {
    return (
      <div className="form-error" role="alert" data-code={error.code}>
        <p>{t('policies.publish.signatureInvalid')}</p>
      </div>
    );
  }
  if (isApiError(error, 'auth.forbidden')) {
    return (
      <div className="form-error" role="alert" data-code={error.code}>
        <p>{t('policies.publish.forbidden')}</p>
      </div>
    );
  }
  return <FormError error={error} />;
}
