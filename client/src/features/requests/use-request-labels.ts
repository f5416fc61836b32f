import { useTranslation } from 'react-i18next';
import { REQUEST_TEMPLATES, isRequestKind } from '../../../../shared/requests/templates';
import { useLabels } from '../../components/use-labels';
import { formatSpan } from './deadline';

/** Words for requests in the current language: type titles come from the shared templates. */
export function useRequestLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const r = (key: string, options: Record<string, unknown> = {}): string => t(`requests.${key}`, options);
  return {
    ...labels,
    r,
    kind: (kind: string): string => (isRequestKind(kind) ? REQUEST_TEMPLATES[kind].title[labels.language] : kind),
    status: (status: string): string => r(`status.${status}`),
    urgency: (urgency: string): string => r(`urgency.${urgency}`),
    action: (action: string): string => r(`action.${action}`),
    span: (ms: number): string => formatSpan(ms, { d: r('clock.d'), h: r('clock.h'), min: r('clock.min'), lessThanMinute: r('clock.lessThanMinute') }),
  };
}

export type RequestLabels = ReturnType<typeof useRequestLabels>;
