import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { formatDuration } from '../../lib/duration';
import type { AuditWords } from './audit-fields';

/** Where the words for a field's codes are, when the client has them (an account's statuses, a state's position). */
const CODE_WORDS: Record<string, string> = {
  status: 'userStatus',
  from: 'userStatus',
  to: 'userStatus',
  position: 'consensus.position',
  procedure: 'consensus.procedure',
  outcome: 'consensus.outcome',
};

/** The words an audit entry's details are written with, in the person's language; `person` names an id. */
export function useAuditWords(person: (id: string) => string): AuditWords {
  const { t } = useTranslation();
  const labels = useLabels();
  return {
    label: (key) => t(`admin.auditFields.${key}`),
    state: labels.state,
    domain: labels.domain,
    role: labels.role,
    person,
    date: labels.time,
    yes: t('admin.audit.yes'),
    no: t('admin.audit.no'),
    none: t('common.none'),
    duration: (ms) => formatDuration(ms, labels.language),
    code: (key, value) => {
      const catalogue = CODE_WORDS[key];
      return catalogue ? t(`${catalogue}.${value}`, { defaultValue: value }) : value;
    },
  };
}
