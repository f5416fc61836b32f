import { useTranslation } from 'react-i18next';
import { REQUEST_TEMPLATES, isRequestKind } from '../../../../shared/requests/templates';
import { useLabels } from '../../components/use-labels';
import { formatSpan } from './deadline';
import { keyFor, type KeyIn } from '../../i18n/keys';

/** Words for requests in the current language: type titles come from the shared templates. */
export function useRequestLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const r = (key: KeyIn<'requests'>, options: Record<string, unknown> = {}): string => t(`requests.${key}`, options);
  /** A term of the requests vocabulary, named by its code. */
  const term = (section: 'status' | 'urgency' | 'action', code: string): string =>
    t(keyFor(`requests.${section}`, code));
  return {
    ...labels,
    r,
    kind: (kind: string): string => (isRequestKind(kind) ? REQUEST_TEMPLATES[kind].title[labels.language] : kind),
    status: (status: string): string => term('status', status),
    urgency: (urgency: string): string => term('urgency', urgency),
    action: (action: string): string => term('action', action),
    span: (ms: number): string =>
      formatSpan(ms, {
        d: r('clock.d'),
        h: r('clock.h'),
        min: r('clock.min'),
        lessThanMinute: r('clock.lessThanMinute'),
      }),
  };
}

export type RequestLabels = ReturnType<typeof useRequestLabels>;
