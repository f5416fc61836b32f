import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/authz/can';
import type { UserView } from '../../../../../shared/schemas/accounts';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { isApiError } from '../../../../sdk/index';
import { FormError } from '../../../components/form-error';
import { useClient } from '../../../services/client-context';
import { toActor } from '../../../services/actor';
import { useLoaded } from '../../../hooks/use-loaded';
import { AwaitingCosignature } from '../cosign/awaiting-cosignature';
import { TwoSignatureSetting } from '../cosign/two-signature-setting';
import { useUserNames } from '../use-user-names';
import { OwnPolicyView } from './own-policy-view';
import { PolicyEditor } from './policy-editor';

/**
 * The own state's policy in force: editable for its national admins, readable for its focal
 * points; for the admins also a version waiting for a second signature and the signing rule.
 */
export function PolicyEditorPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const name = useUserNames();
  const state = me.state ?? '';
  // Bumped when a version is published or co-signed: the waiting version is read again.
  const [round, setRound] = useState(0);
  const [cosigned, setCosigned] = useState<FullPolicyView>();
  const current = useLoaded(
    useCallback(async (): Promise<FullPolicyView | null> => {
      try {
        const view = await client.policies.current(state);
        return view.scope === 'full' ? view : null;
      } catch (caught) {
        if (isApiError(caught, 'policy.not-found')) return null;
        throw caught;
      }
    }, [client, state]),
  );
  if (current.error !== undefined) return <FormError error={current.error} />;
  if (current.data === undefined) return <p>{t('common.loading')}</p>;
  if (!can(toActor(me), 'policy:write', { state })) return <OwnPolicyView state={state} view={current.data} />;
  return (
    <>
      <PolicyEditor
        key={current.data?.policy.version ?? 0}
        state={state}
        initial={current.data}
        onPublished={() => {
          setCosigned(undefined);
          setRound((n) => n + 1);
        }}
        notices={
          <>
            {cosigned && (
              <p className="success" role="status" data-testid="cosigned">
                {t('policies.cosign.done', { version: cosigned.policy.version })}
              </p>
            )}
            <AwaitingCosignature
              key={`awaiting-${round}`}
              me={me}
              state={state}
              inForce={current.data}
              name={name}
              onCosigned={(view) => {
                setCosigned(view);
                setRound((n) => n + 1);
                current.reload();
              }}
            />
          </>
        }
      />
      <TwoSignatureSetting me={me} state={state} name={name} />
    </>
  );
}
