import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffPolicies } from '../../../../../shared/policy/index';
import type { UserView } from '../../../../../shared/schemas/accounts';
import type { FullPolicyView, PolicyDiffView as Diff } from '../../../../../shared/schemas/policy-api';
import { FormError } from '../../../components/form-error';
import { useLoaded } from '../../../hooks/use-loaded';
import { useClient } from '../../../services/client-context';
import { emptyPolicy } from '../editor/policy-draft';
import { PolicyDiffView } from '../history/policy-diff-view';
import { SignatureCheck } from '../history/signature-check';
import { usePolicyLabels } from '../use-policy-labels';

/** What the waiting version changes against the version in force (or against no policy at all). */
function diffAgainst(inForce: FullPolicyView | null, waiting: FullPolicyView): Diff {
  const before = inForce?.policy ?? emptyPolicy(waiting.policy.state);
  return {
    state: waiting.policy.state,
    from: Math.max(1, before.version),
    to: waiting.policy.version,
    ...diffPolicies(before, waiting.policy),
  };
}

/**
 * A version of the own state's policy waiting for a second national admin's signature: who signed
 * it and until when it can be co-signed; to any other admin of the state, the changes against the
 * version in force and the button that co-signs it (signed on this device, the first signature
 * re-checked first).
 */
export function AwaitingCosignature({
  me,
  state,
  inForce,
  name,
  onCosigned,
}: {
  me: UserView;
  state: string;
  inForce: FullPolicyView | null;
  name: (userId: string) => string;
  onCosigned: (view: FullPolicyView) => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const client = useClient();
  const awaiting = useLoaded(useCallback(() => client.policies.awaiting(state), [client, state]));
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const waiting = awaiting.data?.[0];
  if (awaiting.error !== undefined) return <FormError error={awaiting.error} />;
  if (!waiting?.awaitingCosignature) return null;

  const version = waiting.policy.version;
  const mine = waiting.signedBy.userId === me.id;
  const cosign = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onCosigned(await client.policies.cosign(state, version));
    } catch (caught) {
      setError(caught);
      awaiting.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card warning" aria-labelledby="awaiting-title" data-testid="awaiting-cosignature">
      <h3 id="awaiting-title">{t('policies.cosign.title', { version })}</h3>
      <p>
        {t('policies.cosign.waiting', {
          name: name(waiting.signedBy.userId),
          date: l.date(waiting.createdAt),
          expires: l.date(waiting.awaitingCosignature.expiresAt),
        })}
      </p>
      <p className="detail small">
        {t('policies.cosign.notYet', { version: inForce?.policy.version ?? 0 })} <SignatureCheck view={waiting} />
      </p>
      {mine ? (
        <p data-testid="awaiting-mine">{t('policies.cosign.mine')}</p>
      ) : !reviewing ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setReviewing(true)}>
            {t('policies.cosign.review')}
          </button>
        </div>
      ) : (
        <>
          <PolicyDiffView diff={diffAgainst(inForce, waiting)} />
          <p className="hint">{t('policies.cosign.signHint')}</p>
          <FormError error={error} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => void cosign()} disabled={busy}>
              {busy ? t('policies.publish.signing') : t('policies.cosign.sign', { version })}
            </button>
            <button type="button" onClick={() => setReviewing(false)} disabled={busy}>
              {t('policies.cosign.close')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
