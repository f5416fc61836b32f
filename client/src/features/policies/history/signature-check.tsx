import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyPolicySignature } from '../../../../../shared/crypto/verify-policy-signature';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';

/** Re-checks a version's signature (or its second signature) here, against the key the server says signed it. */
export function SignatureCheck({ view, second = false }: { view: FullPolicyView; second?: boolean }) {
  const { t } = useTranslation();
  // The outcome belongs to the version it was checked for: another version shows "checking" until its own.
  const [checked, setChecked] = useState<{ view: FullPolicyView; valid: boolean }>();
  const valid = checked?.view === view ? checked.valid : undefined;
  useEffect(() => {
    let live = true;
    const signed = second ? view.cosignature : { signature: view.signature, signedBy: view.signedBy };
    if (!signed) return;
    void verifyPolicySignature(view.policy, signed.signature, signed.signedBy.identityKey).then(
      (ok) => live && setChecked({ view, valid: ok }),
    );
    return () => {
      live = false;
    };
  }, [view, second]);
  if (valid === undefined) return <span className="detail">{t('policies.history.checking')}</span>;
  return (
    <span className={valid ? 'badge active' : 'badge suspended'} data-testid="signature-check" data-valid={valid}>
      {valid ? t('policies.history.signatureValid') : t('policies.history.signatureInvalid')}
    </span>
  );
}
