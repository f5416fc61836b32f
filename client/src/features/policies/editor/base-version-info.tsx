import { useTranslation } from 'react-i18next';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { usePolicyLabels } from '../use-policy-labels';

/** Which version is in force, who signed it and when; or that there is none yet. */
export function BaseVersionInfo({ base, name }: { base: FullPolicyView | null; name: (userId: string) => string }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  if (base === null)
    return (
      <p className="card notice" data-testid="policy-in-force">
        {t('policies.editor.noPolicy')}
      </p>
    );
  return (
    <p className="card notice" data-testid="policy-in-force" data-version={base.policy.version}>
      {t('policies.editor.inForce', {
        version: base.policy.version,
        name: name(base.signedBy.userId),
        date: l.date(base.createdAt),
        keyVersion: base.signedBy.keyVersion,
      })}
      {base.cosignature &&
        ` ${t('policies.editor.cosignedBy', { name: name(base.cosignature.signedBy.userId), date: l.date(base.cosignature.at) })}`}
    </p>
  );
}
