import type { AlertKind } from '../../../shared/schemas/alerts.js';
import type { Urgency } from '../../../shared/requests/header-fields.js';

/** The words of a mail in one language. `{cp}` is the counterpart state's code. */
export interface MailWords {
  locale: string;
  titles: Record<AlertKind, string>;
  urgentRequest: string;
  answerBy: string;
  /** Before the deadline of an overdue request. */
  wasDue: string;
  anotherState: string;
  labels: {
    event: string;
    counterpart: string;
    domain: string;
    urgency: string;
    deadline: string;
    reference: string;
    open: string;
  };
  urgency: Record<Urgency, string>;
  digestSubject: (count: number) => string;
  digestIntro: string;
  noContent: string;
  settings: string;
  verifySubject: string;
  verifyBody: (link: string, hours: number) => string;
}

export const EN: MailWords = {
  locale: 'en-GB',
  titles: {
    'request.arrived': 'New request from {cp}',
    'request.step': 'A request with {cp} has a new step',
    'request.reminder': 'Reminder: a request from {cp} is due soon',
    'request.overdue': 'A request with {cp} is overdue',
    'message.arrived': 'New message from {cp}',
    'liveness.prompt': 'Liveness check: confirm that you are reachable',
    'approval.waiting': "An exchange waits for your state's approval",
    'policy.awaiting-cosignature':
      "A new version of your state's disclosure policy waits for a second national admin's signature",
    'consensus.opened': "A network decision asks for your state's position",
    'consensus.closing': 'A network decision closes within a day: your state has given no position',
    'consensus.decided': 'A network decision has ended',
    'event.registration-closing': 'Registration for an event closes soon: your state has registered nobody',
    'event.starting': 'An event you are registered for starts soon',
    'event.changed': 'An event your state registered for was changed or cancelled',
    'training.requested': '{cp} asks your state to host a training',
    'training.answered': '{cp} has answered your training request',
    // The secretariat is no state: the sender is not named in the title.
    'circular.arrived': 'A new circular has arrived',
    'dual-control.waiting': 'An action on a national admin waits for a second approver',
    'audit-log.discrepancy': 'A member could not verify the audit trail: check it now',
  },
  urgentRequest: 'Urgent request from {cp}',
  answerBy: 'answer by',
  wasDue: 'was due',
  anotherState: 'another state',
  labels: {
    event: 'Event',
    counterpart: 'Counterpart state',
    domain: 'Domain',
    urgency: 'Urgency',
    deadline: 'Deadline',
    reference: 'Case',
    open: 'Open',
  },
  urgency: { urgent: 'urgent', standard: 'standard', routine: 'routine' },
  digestSubject: (count) => `Digest: ${count} ${count === 1 ? 'notice' : 'notices'}`,
  digestIntro: 'Since the last digest:',
  noContent: 'This notice carries no content: open FocalNet to read it.',
  settings: 'Your notification settings',
  verifySubject: 'Confirm your address for FocalNet notifications',
  verifyBody: (link, hours) =>
    `Someone asked FocalNet to send notifications to this address. To confirm, open this link within ${hours} hours:\n${link}\n\nIf it was not you, ignore this mail: nothing will be sent.`,
};

export const RU: MailWords = {
  locale: 'ru-RU',
  titles: {
    'request.arrived': 'Новый запрос от {cp}',
    'request.step': 'Новый шаг по запросу с {cp}',
    'request.reminder': 'Напоминание: скоро срок запроса от {cp}',
    'request.overdue': 'Просрочен запрос с {cp}',
    'message.arrived': 'Новое сообщение от {cp}',
    'liveness.prompt': 'Проверка связи: подтвердите, что вы на связи',
    'approval.waiting': 'Обмен ждёт одобрения вашего государства',
    'policy.awaiting-cosignature':
      'Новая версия политики раскрытия вашего государства ждёт подписи второго национального администратора',
    'consensus.opened': 'Решение сети ждёт позиции вашего государства',
    'consensus.closing': 'Решение сети закрывается в течение суток: ваше государство ещё не высказалось',
    'consensus.decided': 'Решение сети завершено',
    'event.registration-closing':
      'Скоро закрывается регистрация на мероприятие: ваше государство никого не зарегистрировало',
    'event.starting': 'Скоро начинается мероприятие, на которое вы зарегистрированы',
    'event.changed': 'Мероприятие, на которое зарегистрировалось ваше государство, изменено или отменено',
    'training.requested': '{cp} просит ваше государство провести обучение',
    'training.answered': '{cp} ответило на ваш запрос об обучении',
    'circular.arrived': 'Поступил новый циркуляр',
    'dual-control.waiting': 'Действие над национальным администратором ждёт второго подтверждения',
    'audit-log.discrepancy': 'Участник не смог проверить журнал аудита: проверьте его',
  },
  urgentRequest: 'Срочный запрос от {cp}',
  answerBy: 'ответить до',
  wasDue: 'срок истёк',
  anotherState: 'другого государства',
  labels: {
    event: 'Событие',
    counterpart: 'Другая сторона',
    domain: 'Область',
    urgency: 'Срочность',
    deadline: 'Срок',
    reference: 'Дело',
    open: 'Открыть',
  },
  urgency: { urgent: 'срочно', standard: 'обычная', routine: 'плановая' },
  digestSubject: (count) => `Сводка: уведомлений — ${count}`,
  digestIntro: 'С прошлой сводки:',
  noContent: 'Уведомление не содержит сведений по существу: откройте FocalNet, чтобы прочитать.',
  settings: 'Настройки уведомлений',
  verifySubject: 'Подтвердите адрес для уведомлений FocalNet',
  verifyBody: (link, hours) =>
    `Кто-то попросил FocalNet присылать уведомления на этот адрес. Чтобы подтвердить, откройте ссылку в течение ${hours} ч:\n${link}\n\nЕсли это были не вы, не отвечайте на письмо: ничего отправлено не будет.`,
};
