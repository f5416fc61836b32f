import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPolicySignature } from '../../../../../shared/crypto/verify-policy-signature';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';

/** Re-checks a version's signature here, against the key the server says signed it. */
export function SignatureCheck({ view }: { view: FullPolicyView }) {
  const { t } = useTranslation();
  // The outcome belongs to the version it was checked for: another version shows "checking" until its own.
  const [checked, setChecked] = useState<{ view: FullPolicyView; valid: boolean }>();
  const valid = checked?.view === view ? checked.valid : undefined;
  useEffect(() => {
    let live = true;
    void verifyPolicySignature(view.policy, view.signature, view.signedBy.identityKey).then(
      (ok) => live && setChecked({ view, valid: ok }),
    );
    return () => {
      live = false;
    };
  }, [view]);
  if (valid === undefined) return <span className="detail">{t('policies.history.checking')}</span>;
  return (
    <span className={valid ? 'badge active' : 'badge suspended'} data-testid="signature-check" data-valid={valid}>
      {valid ? t('policies.history.signatureValid') : t('policies.history.signatureInvalid')}
    </span>
  );
}
