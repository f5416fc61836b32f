import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../../shared/schemas/audience';
import { SECRETARIAT_STATE } from '../../../../shared/schemas/labels';
import { useLabels } from '../../components/use-labels';

/** An audience, and a state of a tally (the secretariat's reserved code included), in words. */
export function useAudienceWords() {
  const { t } = useTranslation();
  const l = useLabels();
  return {
    audience: (audience: Audience): string =>
      audience.kind === 'domain'
        ? t('circulars.audience.domain', { domain: l.domain(audience.domain) })
        : t(`circulars.audience.${audience.kind}`),
    state: (code: string): string => (code === SECRETARIAT_STATE ? t('circulars.received.secretariat') : l.state(code)),
  };
}
