import { useTranslation } from 'react-i18next';
import type { RegisterResponse, UserView } from '../../../../shared/schemas/accounts';
import { useLabels } from '../../components/use-labels';
import { SafetyNumberView } from '../verification/safety-number-view';

type Verifier = RegisterResponse['verifiers'][number];

/** A newcomer's view while waiting: the safety number to compare with each admin who may verify them. */
export function PendingVerification({
  user,
  verifiers,
  watching,
}: {
  user: UserView;
  verifiers: readonly Verifier[];
  watching: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const identityKey = user.keys?.identityKey;
  return (
    <section className="card" aria-labelledby="pending-title" data-testid="pending-verification">
      <h2 id="pending-title">{t('pending.title')}</h2>
      <p>{t('pending.intro')}</p>
      {watching && (
        <p className="hint" role="status">
          {t('pending.watching')}
        </p>
      )}
      {verifiers.length === 0 && <p className="warning">{t('pending.noVerifiers')}</p>}
      {identityKey &&
        verifiers.map((verifier) => (
          <article key={verifier.id} className="verifier" data-testid="verifier">
            <h3>{t('pending.with', { name: verifier.displayName, role: labels.role(verifier.role) })}</h3>
            <SafetyNumberView
              me={{ userId: user.id, identityKey }}
              them={{ userId: verifier.id, identityKey: verifier.identityKey }}
            />
          </article>
        ))}
    </section>
  );
}
