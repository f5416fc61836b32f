import type { Messages } from './en';

export const ru: Messages = {
  app: {
    name: 'FocalNet',
    tagline: 'Сеть национальных контактных пунктов: справочник и защищённый обмен информацией',
  },
  language: { label: 'Язык', en: 'English', ru: 'Русский' },
  status: {
    title: 'Состояние системы',
    server: 'Сервер',
    database: 'База данных',
    realtime: 'Канал реального времени',
    up: 'работает',
    down: 'не отвечает',
    checking: 'проверка…',
    connected: 'подключён',
    disconnected: 'отключён',
    kind: {
      'embedded-ferretdb': 'встроенная (FerretDB на SQLite)',
      mongodb: 'MongoDB',
    },
    version: 'Версия {{version}}',
    lastChecked: 'Проверено в {{time}}',
  },
};
