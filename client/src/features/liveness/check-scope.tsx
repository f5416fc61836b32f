import { useTranslation } from 'react-i18next';
import type { LivenessCheckView } from '../../../../shared/schemas/liveness';
import { useLabels } from '../../components/use-labels';

/** "Kazakhstan · Border control" or "All member states · all domains". */
export function CheckScope({ scope }: { scope: LivenessCheckView['scope'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      {scope.state ? labels.state(scope.state) : t('liveness.start.allStates')}
      {' · '}
      {scope.domain ? labels.domain(scope.domain) : t('liveness.start.allDomains')}
    </>
  );
}
