import type { Translation } from '../../i18n/translation';
import type { shellEn } from './messages.en';

/** Russian strings of the shell: app name, header and home page: exactly the keys of the English ones. */
export const shellRu: Translation<typeof shellEn> = {
  app: {
    name: 'FocalNet',
    tagline: 'Сеть национальных контактных пунктов: справочник и защищённый обмен информацией',
  },
  shell: {
    skip: 'Перейти к основному содержанию',
    menu: 'Меню',
    waiting: 'ждут вас: {{count}}',
    groups: { work: 'Работа', activities: 'План действий', state: 'Государство', network: 'Сеть' },
    pages: { invite: 'Приглашение', reset: 'Сброс пароля' },
  },
  header: {
    signedInAs: 'Вы вошли как {{name}}',
    account: 'Ваша учётная запись',
  },
  home: {
    welcome: 'Добро пожаловать в FocalNet',
    intro:
      'Здесь национальные контактные пункты находят своих коллег и обмениваются информацией со сквозным шифрованием. Войдите под своей учётной записью или откройте полученную ссылку-приглашение, чтобы зарегистрироваться.',
    signIn: 'Войти',
    title: 'Что требует вашего внимания',
    nothing: 'Ничего не ждёт вашего ответа.',
    count: '{{what}}: {{count}}',
    unavailable: '{{what}}: сейчас не удаётся показать.',
    what: {
      unread: 'Непрочитанные сообщения',
      requests: 'Запросы, ожидающие вашего ответа',
      clarifications: 'Ваши запросы, по которым у вас просят уточнений',
      'stale-entry': 'Ваша запись в справочнике',
      'incomplete-entry': 'Ваша запись в справочнике',
      'pending-people': 'Новые участники ждут вашей проверки',
      'held-exchanges': 'Обмены ждут вашего одобрения',
      'awaiting-position': 'Решения сети ждут позиции вашего государства',
      'open-proposals': 'Нерешённые предложения',
    },
    overdue: 'просрочено: {{count}}',
    staleEntry: 'Ваша запись в справочнике устарела: подтвердите или исправьте её.',
    incompleteEntry:
      'Первый шаг: заполните свою запись в справочнике, чтобы коллеги могли найти вас и связаться с вами.',
    lastConfirmed: 'Последнее подтверждение: {{date}}',
    silence: 'При процедуре умолчания молчание означает согласие.',
    secondFactorFirst:
      'Когда вы включите двухфакторную аутентификацию, здесь появится то, что требует вашего внимания.',
    quick: { label: 'Быстрые ссылки', directory: 'Найти коллегу', message: 'Новое сообщение', request: 'Новый запрос' },
    suspended: 'Ваша учётная запись приостановлена. Обратитесь к администратору.',
  },
};
