import type { Translation } from '../../i18n/translation';
import type { livenessEn } from './messages.en';

/** Russian strings of liveness checks and the prompt banner: exactly the keys of messages.en.ts. */
const liveness: Translation<(typeof livenessEn)['liveness']> = {
  nav: 'Проверки связи',
  title: 'Проверки связи',
  intro:
    'Проверка связи просит контактные пункты сразу подтвердить, что они на связи. Каждый отвечает подписью своим личным ключом, поэтому ответ подтверждает человека, а не только учётную запись.',
  start: {
    title: 'Начать проверку',
    intro: 'Все действующие контактные пункты в выбранных пределах сразу получат запрос.',
    scope: 'Государства-члены',
    allStates: 'Все государства-члены',
    domain: 'Направление',
    allDomains: 'все направления',
    deadline: 'Ответить в течение (минут)',
    deadlineHint: 'Более поздние ответы считаются запоздавшими. От 1 минуты до 7 дней (10080).',
    deadlineInvalid: 'Введите целое число минут от 1 до 10080.',
    submit: 'Начать проверку',
    started: 'Проверка начата; запросов отправлено: {{count}}.',
  },
  history: {
    title: 'Прошлые проверки',
    empty: 'Проверок ещё не было.',
    started: 'Начата',
    scope: 'Охват',
    deadline: 'Срок',
    details: 'Подробнее',
  },
  outcome: { answered: 'Ответ в срок', late: 'Ответ с опозданием', none: 'Нет ответа' },
  detail: {
    title: 'Проверка связи',
    back: '← Все проверки',
    byState: 'По государствам-членам',
    byPerson: 'По контактным пунктам',
    state: 'Государство-член',
    targets: 'Запрошено',
    median: 'Медиана времени ответа',
    person: 'Контактный пункт',
    outcome: 'Результат',
    responseTime: 'Время ответа',
    nobody: 'В ваших пределах запросов не было.',
  },
  banner: {
    title: 'Проверка связи от вашей администрации — подтвердите, что вы на связи',
    deadline: 'Ответьте до {{time}}. Ответ подписывается вашим личным ключом.',
    confirm: 'Я на связи — подтвердить',
    signing: 'Подпись…',
    answered: 'Спасибо: администрация видит, что вы ответили в срок.',
    late: 'Спасибо: ответ записан, но после срока.',
    dismiss: 'Скрыть',
  },
};

export const livenessRu: Translation<typeof livenessEn> = { liveness };
