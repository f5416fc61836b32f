import type { TFunction } from 'i18next';

/** "Every quarter"; any other number of months as "Every 2 months". */
export function describeCadence(months: number, t: TFunction): string {
  switch (months) {
    case 1:
      return t('liveness.schedule.every.1');
    case 3:
      return t('liveness.schedule.every.3');
    case 6:
      return t('liveness.schedule.every.6');
    case 12:
      return t('liveness.schedule.every.12');
    default:
      return t('liveness.schedule.everyMonths', { count: months });
  }
}
