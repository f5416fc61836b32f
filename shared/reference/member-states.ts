/**
 * Member states of the Conference on Interaction and Confidence Building Measures in Asia, as
 * initial data (ISO 3166-1 alpha-2, English and Russian short names). Admitting a state later is
 * a network-wide decision taken by consensus, not an edit of this list.
 */
export interface MemberStateInfo {
  code: string;
  name: { en: string; ru: string };
}

export const MEMBER_STATES: readonly MemberStateInfo[] = [
  { code: 'AF', name: { en: 'Afghanistan', ru: 'Афганистан' } },
  { code: 'AZ', name: { en: 'Azerbaijan', ru: 'Азербайджан' } },
  { code: 'BH', name: { en: 'Bahrain', ru: 'Бахрейн' } },
  { code: 'BD', name: { en: 'Bangladesh', ru: 'Бангладеш' } },
  { code: 'KH', name: { en: 'Cambodia', ru: 'Камбоджа' } },
  { code: 'CN', name: { en: 'China', ru: 'Китай' } },
  { code: 'EG', name: { en: 'Egypt', ru: 'Египет' } },
  { code: 'IN', name: { en: 'India', ru: 'Индия' } },
  { code: 'IR', name: { en: 'Iran', ru: 'Иран' } },
  { code: 'IQ', name: { en: 'Iraq', ru: 'Ирак' } },
  { code: 'IL', name: { en: 'Israel', ru: 'Израиль' } },
  { code: 'JO', name: { en: 'Jordan', ru: 'Иордания' } },
  { code: 'KZ', name: { en: 'Kazakhstan', ru: 'Казахстан' } },
  { code: 'KW', name: { en: 'Kuwait', ru: 'Кувейт' } },
  { code: 'KG', name: { en: 'Kyrgyzstan', ru: 'Киргизия' } },
  { code: 'MN', name: { en: 'Mongolia', ru: 'Монголия' } },
  { code: 'PK', name: { en: 'Pakistan', ru: 'Пакистан' } },
  { code: 'PS', name: { en: 'Palestine', ru: 'Палестина' } },
  { code: 'QA', name: { en: 'Qatar', ru: 'Катар' } },
  { code: 'KR', name: { en: 'Republic of Korea', ru: 'Республика Корея' } },
  { code: 'RU', name: { en: 'Russia', ru: 'Россия' } },
  { code: 'LK', name: { en: 'Sri Lanka', ru: 'Шри-Ланка' } },
  { code: 'TJ', name: { en: 'Tajikistan', ru: 'Таджикистан' } },
  { code: 'TH', name: { en: 'Thailand', ru: 'Таиланд' } },
  { code: 'TR', name: { en: 'Türkiye', ru: 'Турция' } },
  { code: 'TM', name: { en: 'Turkmenistan', ru: 'Туркменистан' } },
  { code: 'AE', name: { en: 'United Arab Emirates', ru: 'Объединённые Арабские Эмираты' } },
  { code: 'UZ', name: { en: 'Uzbekistan', ru: 'Узбекистан' } },
  { code: 'VN', name: { en: 'Viet Nam', ru: 'Вьетнам' } },
];
