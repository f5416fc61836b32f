import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { dayRanges, weekdayName, withinHours, zoneNow } from './working-hours';

/**
 * The hours as the entry states them, in the entry's own time zone, with what the clock shows
 * there now, so a caller in another zone need not convert.
 */
export function WorkingHoursView({
  hours,
  timeZone,
  now = new Date(),
}: {
  hours: NonNullable<EntryView['workingHours']>;
  timeZone: string | null;
  now?: Date;
}) {
  const { t } = useTranslation();
  const { language } = useLabels();
  const there = timeZone ? zoneNow(timeZone, now) : undefined;
  return (
    <div data-testid="working-hours">
      <div>{t('directory.hours.range', { days: dayRanges(hours.days, language), from: hours.from, to: hours.to })}</div>
      {timeZone && there ? (
        <div className="detail">
          {t('directory.hours.zone', { zone: timeZone, offset: there.offset })}
          {' · '}
          {t('directory.hours.nowThere', { day: weekdayName(there.day, language), time: there.time })}
          {' — '}
          {withinHours(hours, there) ? (
            <span className="open-now">{t('directory.hours.open')}</span>
          ) : (
            <span>{t('directory.hours.closed')}</span>
          )}
        </div>
      ) : (
        <div className="detail">{t('directory.hours.noZone')}</div>
      )}
    </div>
  );
}
