import type { TFunction } from 'i18next';
import type { ProposedChange } from '../../../../shared/schemas/consensus';
import { domains } from '../../services/domains';
import { formatDateTime } from '../../lib/format-time';
import { describeCadence } from '../liveness/describe-cadence';

/** A proposed change in words, names in the reader's language. */
export function describeChange(change: ProposedChange, t: TFunction, language: 'en' | 'ru'): string {
  switch (change.kind) {
    case 'admit-state':
      return t('consensus.change.admit-state', { name: change.state.name[language], code: change.state.code });
    case 'add-domain':
      return t('consensus.change.add-domain', { name: change.domain.name[language], code: change.domain.code });
    case 'rename-domain':
      return t('consensus.change.rename-domain', { name: change.domain.name[language], code: change.domain.code });
    case 'retire-domain':
      return t('consensus.change.retire-domain', {
        name: domains.get().find(({ code }) => code === change.domain.code)?.name[language] ?? change.domain.code,
        code: change.domain.code,
      });
    case 'directory-freshness':
      return t('consensus.change.directory-freshness', { days: change.freshnessDays });
    case 'set-liveness-schedule':
      return t('consensus.change.set-liveness-schedule', {
        cadence: describeCadence(change.schedule.everyMonths, t),
        hours: change.schedule.answerHours,
        first: formatDateTime(change.schedule.firstRunAt, language),
      });
    case 'set-travel-documents-reciprocity':
      return t(`consensus.change.set-travel-documents-reciprocity.${change.required ? 'on' : 'off'}`);
    case 'remove-liveness-schedule':
      return t('consensus.change.remove-liveness-schedule');
    case 'adopt-document':
      return t('consensus.change.adopt-document', { kind: t(`documents.kind.${change.document.kind}`) });
  }
}
