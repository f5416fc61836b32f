import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/authz/can';
import type { UserView } from '../../../../../shared/schemas/accounts';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { isApiError } from '../../../../sdk/index';
import { FormError } from '../../../components/form-error';
import { useClient } from '../../../services/client-context';
import { toActor } from '../../../services/actor';
import { useLoaded } from '../../../hooks/use-loaded';
import { OwnPolicyView } from './own-policy-view';
import { PolicyEditor } from './policy-editor';

/** The own state's policy in force: editable for its national admins, readable for its focal points. */
export function PolicyEditorPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const state = me.state ?? '';
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
  return <PolicyEditor key={current.data?.policy.version ?? 0} state={state} initial={current.data} />;
}
