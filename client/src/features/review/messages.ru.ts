import type { Translation } from '../../i18n/translation';
import type { reviewEn } from './messages.en';

/** Русские строки ежегодного обзора (ключ `review` в ru.ts); те же ключи, что в messages.en.ts. */
const review: Translation<(typeof reviewEn)['review']> = {
  nav: 'Ежегодный обзор',
  title: 'Ежегодный обзор выполнения',
  intro:
    'План действий пересматривается ежегодно. Эти цифры подсчитаны по журналу аудита — только по меткам и времени, никогда по содержанию сообщений и запросов, — и журнал при подсчёте проверяется запись за записью.',
  form: {
    year: 'Год',
    state: 'Государство-член',
    network: 'Вся сеть',
    submit: 'Подготовить обзор',
  },
  result: {
    title: 'Обзор за {{year}} год: {{scope}}',
    prepared: 'Календарный год {{year}} по UTC. Подготовлено {{time}}.',
  },
  trail: {
    intact:
      'Журнал аудита проверен (записей: {{count}}), цепочка не нарушена. Последняя запись № {{seq}}, хеш {{hash}}',
    broken: 'Журнал аудита нарушен начиная с записи № {{seq}}: {{reason}}. Цифры ниже доходят только до неё.',
  },
  table: {
    decisions: 'Решения сети',
    exchanges: 'Обмены между государствами по решениям политик',
    traffic: 'Переданные сообщения',
    requests: 'Запросы между государствами',
    upkeep: 'Поддержание сети',
  },
  column: {
    proposed: 'Предложено',
    adopted: 'Принято',
    rejected: 'Не принято',
    withdrawn: 'Отозвано',
    fromState: 'Откуда',
    toState: 'Куда',
    domain: 'Направление',
    allowed: 'Разрешено',
    withConditions: 'С условиями',
    held: 'Задержано до одобрения',
    denied: 'Запрещено',
    state: 'Государство',
    messages: 'Сообщения',
    requestSteps: 'Шаги запросов',
    requesterState: 'Запрашивающее государство',
    requestedState: 'Запрашиваемое государство',
    submitted: 'Отправлено',
    answered: 'С ответом',
    declined: 'Отклонено',
    overdue: 'Просрочено',
    accountsActivated: 'Активировано учётных записей',
    suspensions: 'Приостановления',
    keyRotations: 'Смены ключей',
    entriesConfirmed: 'Подтверждено записей',
    livenessChecks: 'Проверки связи',
    livenessScheduledChecks: 'из них по расписанию',
    livenessPrompted: 'Запросы проверки связи',
    livenessAnswered: 'Ответы на проверки связи',
    livenessMedianResponseMs: 'Медиана ответа на проверку связи',
    policyVersions: 'Версии политик',
  },
  chart: {
    exchanges: 'Обмены по направлениям и решениям политик',
    requests: 'Запросы по запрошенным государствам: с ответом, отклонённые, просроченные',
    upkeep:
      'Поддержание сети по государствам: подтверждённые записи справочника, ответы на проверки связи, активированные учётные записи, версии политик',
    summary: 'Всего — {{list}}. Все цифры — в таблице ниже.',
  },
  print: 'Печать',
  printHint:
    'Напечатайте или сохраните в PDF для рабочей группы: только диаграммы и таблицы, каждый раздел с новой страницы.',
  empty: 'За этот год ничего нет.',
  download: {
    label: 'Скачать обзор',
    json: 'Скачать (JSON)',
    csv: 'Скачать таблицы (CSV)',
  },
};

export const reviewRu: Translation<typeof reviewEn> = { review };
