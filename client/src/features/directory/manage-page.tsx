import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { FreshnessForm } from './freshness-form';
import { ParticipationForm } from './participation-form';
import { StaleList } from './stale-list';
import { useStates } from './use-states';
import { VisibilityEditor } from './visibility-editor';

/** A national admin's directory settings for their state; the secretariat's network-wide ones. */
export function ManagePage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const states = useStates();
  if (me.role === 'network-admin') {
    return (
      <>
        <h2>{t('directory.manage.networkTitle')}</h2>
        <FreshnessForm />
        <StaleList stateName={states.name} />
      </>
    );
  }
  const own = me.state ?? '';
  return (
    <>
      <h2>{t('directory.manage.stateTitle', { state: states.name(own) })}</h2>
      <FormError error={states.error} />
      <ParticipationForm state={states.list?.find((s) => s.code === own)} onSaved={states.reload} />
      <VisibilityEditor state={own} states={states} />
      <StaleList stateName={states.name} />
    </>
  );
}
