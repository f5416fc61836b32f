import type { SEEDED_DOMAIN_CODES } from '../schemas/labels.js';

/** A domain of the network: its code (labels, policies, participation) and its names. */
export interface DomainInfo {
  code: string;
  name: { en: string; ru: string };
  /** When a network decision retired it (ISO time); absent while it is in use. */
  retiredAt?: string;
}

/** The action plan's four domains, seeded at first start; later ones come from network decisions. */
export const SEEDED_DOMAINS: readonly DomainInfo[] = [
  { code: 'border', name: { en: 'Border control and management', ru: 'Пограничный контроль и управление границами' } },
  {
    code: 'law-enforcement',
    name: { en: 'Law enforcement (police)', ru: 'Правоохранительная деятельность (полиция)' },
  },
  {
    code: 'economic-crime',
    name: { en: 'Economic crime, incl. money laundering', ru: 'Экономические преступления, включая отмывание денег' },
  },
  {
    code: 'non-proliferation',
    name: {
      en: 'Non-proliferation of weapons of mass destruction',
      ru: 'Нераспространение оружия массового уничтожения',
    },
  },
] satisfies ReadonlyArray<DomainInfo & { code: (typeof SEEDED_DOMAIN_CODES)[number] }>;
