/** Per-state demo facts: working languages and the authorities that typically serve each domain. */
export const DEMO_LANGUAGES: Record<string, string[]> = {
  AF: ['ps', 'fa', 'en'],
  AZ: ['az', 'ru', 'en'],
  BH: ['ar', 'en'],
  BD: ['bn', 'en'],
  KH: ['km', 'en', 'fr'],
  CN: ['zh', 'en', 'ru'],
  EG: ['ar', 'en', 'fr'],
  IN: ['hi', 'en'],
  IR: ['fa', 'en'],
  IQ: ['ar', 'ku', 'en'],
  IL: ['he', 'en', 'ru'],
  JO: ['ar', 'en'],
  KZ: ['kk', 'ru', 'en'],
  KW: ['ar', 'en'],
  KG: ['ky', 'ru', 'en'],
  MN: ['mn', 'ru', 'en'],
  PK: ['ur', 'en'],
  PS: ['ar', 'en'],
  QA: ['ar', 'en'],
  KR: ['ko', 'en'],
  RU: ['ru', 'en'],
  LK: ['si', 'ta', 'en'],
  TJ: ['tg', 'ru', 'en'],
  TH: ['th', 'en'],
  TR: ['tr', 'en', 'ru'],
  TM: ['tk', 'ru', 'en'],
  AE: ['ar', 'en'],
  UZ: ['uz', 'ru', 'en'],
  VN: ['vi', 'en', 'ru'],
};

export const DEMO_AUTHORITIES: Record<string, { en: string; ru: string; title: { en: string; ru: string } }> = {
  border: {
    en: 'State Border Service',
    ru: 'Государственная пограничная служба',
    title: { en: 'Duty officer, international cooperation', ru: 'Дежурный офицер по международному сотрудничеству' },
  },
  'law-enforcement': {
    en: 'Ministry of Internal Affairs',
    ru: 'Министерство внутренних дел',
    title: {
      en: 'Head of the international police cooperation unit',
      ru: 'Начальник отдела международного полицейского сотрудничества',
    },
  },
  'economic-crime': {
    en: 'Financial Monitoring Agency',
    ru: 'Агентство по финансовому мониторингу',
    title: { en: 'Head of international cooperation', ru: 'Руководитель отдела международного сотрудничества' },
  },
  'non-proliferation': {
    en: 'Export Control Committee',
    ru: 'Комитет экспортного контроля',
    title: { en: 'Senior expert, dual-use goods', ru: 'Старший эксперт по товарам двойного назначения' },
  },
};

/** A few given names per script, so entries read like people rather than ids. */
export const DEMO_NAMES = [
  { en: 'Aigerim Sadykova', ru: 'Айгерим Садыкова' },
  { en: 'Timur Akhmetov', ru: 'Тимур Ахметов' },
  { en: 'Elena Morozova', ru: 'Елена Морозова' },
  { en: 'Farid Huseynov', ru: 'Фарид Гусейнов' },
  { en: 'Li Wei', ru: 'Ли Вэй' },
  { en: 'Nguyen Thi Lan', ru: 'Нгуен Тхи Лан' },
  { en: 'Bat-Erdene Ganbold', ru: 'Бат-Эрдэнэ Ганболд' },
  { en: 'Rustam Karimov', ru: 'Рустам Каримов' },
  { en: 'Ahmed Al-Sayed', ru: 'Ахмед Ас-Сайед' },
  { en: 'Kim Min-jun', ru: 'Ким Мин Джун' },
  { en: 'Priya Sharma', ru: 'Прия Шарма' },
  { en: 'Mehmet Yilmaz', ru: 'Мехмет Йылмаз' },
];
