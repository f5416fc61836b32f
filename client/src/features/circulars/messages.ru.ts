import type { Translation } from '../../i18n/translation';
import type { circularsEn } from './messages.en';

/** Russian strings of the circulars page: exactly the keys of messages.en.ts. */
const circulars: Translation<(typeof circularsEn)['circulars']> = {
  nav: 'Циркуляры',
  title: 'Циркуляры',
  intro:
    'Циркуляр — одно сообщение секретариата или национального администратора для аудитории: всех координаторов направления, всех национальных администраторов или всех участников сети. Он зашифрован сквозным шифрованием, как любое сообщение; отправитель видит, в скольких государствах его прочли.',
  unread: 'Непрочитанных циркуляров: {{count}}',
  received: {
    title: 'Полученные',
    empty: 'Циркуляров для вас пока нет.',
    from: 'От: {{who}}',
    secretariat: 'секретариат',
    adminOf: 'национальный администратор ({{state}})',
    new: 'Новый',
    open: 'Открыть и прочесть',
    close: 'Закрыть',
    readAt: 'Прочитан {{date}}',
    unverifiedKey: 'Ключ отправителя не проверен администратором.',
  },
  sent: {
    title: 'Отправленные',
    empty: 'Отправленных циркуляров пока нет.',
    readIn: 'Прочитан в {{read}} из {{total}} государств',
    perState: 'По государствам',
    state: 'Государство',
    recipients: 'Получатели',
    read: 'Прочитали',
    leftOut: 'Не направлен',
    noneLeftOut: 'Ни одно государство не исключено.',
    show: 'Показать текст',
    reload: 'Обновить',
  },
  audience: {
    label: 'Кому',
    domain: 'Всем координаторам направления «{{domain}}»',
    'national-admins': 'Всем национальным администраторам',
    everyone: 'Всем участникам сети',
  },
  compose: {
    title: 'Новый циркуляр',
    subject: 'Тема',
    text: 'Текст',
    hint: 'Тема и текст шифруются в этом браузере: сервер их не видит.',
    preview: 'Показать, кто получит',
    previewTitle: 'Кто получит',
    reaches: 'Получателей: {{count}}; государства: {{states}}',
    nobody: 'Никто из этой аудитории не может его получить.',
    leftOutTitle: 'Не будет направлен',
    neverHeld:
      'Циркуляр не передаётся на утверждение: государство, чья политика потребовала бы утверждения или условий, которым метки не отвечают, исключается.',
    send: 'Отправить циркуляр',
    sending: 'Шифрование и отправка…',
    sent: 'Отправлен. Получателей: {{count}}.',
    missing: 'Укажите тему и текст.',
  },
};

export const circularsRu: Translation<typeof circularsEn> = { circulars };
