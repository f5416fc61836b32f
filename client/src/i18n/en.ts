/** English strings. Russian (ru.ts) must have exactly the same keys: a test checks it. */
export const en = {
  app: {
    name: 'FocalNet',
    tagline: 'Network of national focal points: directory and secure information exchange',
  },
  language: { label: 'Language', en: 'English', ru: 'Русский' },
  status: {
    title: 'System status',
    server: 'Server',
    database: 'Database',
    realtime: 'Real-time channel',
    up: 'available',
    down: 'unavailable',
    checking: 'checking…',
    connected: 'connected',
    disconnected: 'disconnected',
    kind: {
      'embedded-ferretdb': 'embedded (FerretDB on SQLite)',
      mongodb: 'MongoDB',
    },
    version: 'Version {{version}}',
    lastChecked: 'Last checked {{time}}',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
