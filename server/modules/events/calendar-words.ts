import type { EventKind, EventLanguage } from '../../../shared/schemas/events.js';

/** The words the server adds to a calendar file, in the reader's language. */
export interface CalendarWords {
  calendarName: string;
  kinds: Record<EventKind, string>;
  host: string;
  secretariat: string;
  domains: string;
  online: string;
  languages: string;
  partners: string;
  registrationUntil: string;
  cancelled: string;
}

export const CALENDAR_WORDS: Record<EventLanguage, CalendarWords> = {
  en: {
    calendarName: 'FocalNet events',
    kinds: { seminar: 'Seminar', meeting: 'Meeting', training: 'Training', 'experts-meeting': "Experts' meeting" },
    host: 'Host',
    secretariat: 'the secretariat',
    domains: 'Domains',
    online: 'Online',
    languages: 'Languages',
    partners: 'Partner organisations',
    registrationUntil: 'Registration until',
    cancelled: 'Cancelled',
  },
  ru: {
    calendarName: 'Мероприятия FocalNet',
    kinds: { seminar: 'Семинар', meeting: 'Совещание', training: 'Тренинг', 'experts-meeting': 'Встреча экспертов' },
    host: 'Принимающая сторона',
    secretariat: 'секретариат',
    domains: 'Направления',
    online: 'Онлайн',
    languages: 'Языки',
    partners: 'Организации-партнёры',
    registrationUntil: 'Регистрация до',
    cancelled: 'Отменено',
  },
};
