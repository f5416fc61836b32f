import { z } from 'zod';
import { SEEDED_DOMAIN_CODES, type CategoryCode, type DomainCode, type ExchangeKind } from '../schemas/labels.js';

/**
 * Request templates: what each request type asks for. Every field is encrypted in the
 * payload; only kind, domain, category, classification, urgency and deadline are metadata.
 * The web client renders forms from these definitions and checks input with
 * `requestContentSchema`.
 */

export type RequestKind = Exclude<Extract<ExchangeKind, `request:${string}`>, 'request:transition'>;
export const REQUEST_KINDS = [
  'request:document-check',
  'request:person-entity-check',
  'request:route-information',
  'request:financial-enquiry',
  'request:arms-tracing',
  'request:best-practice',
  'request:consent',
] as const satisfies readonly RequestKind[];

export const isRequestKind = (kind: string): kind is RequestKind => (REQUEST_KINDS as readonly string[]).includes(kind);

export type FieldType = 'text' | 'long-text' | 'date' | 'state' | 'states' | 'select';

export interface TemplateField {
  name: string;
  type: FieldType;
  required: boolean;
  label: { en: string; ru: string };
  /** For 'select': the allowed values with their labels. */
  options?: readonly { value: string; label: { en: string; ru: string } }[];
  /** Longest text accepted (characters). */
  maxLength?: number;
}

export interface RequestTemplate {
  kind: RequestKind;
  title: { en: string; ru: string };
  /** Seeded domains in which this request type is offered; the first is the default. */
  domains: readonly DomainCode[];
  /** Also offered in every domain the network adds later (by consensus). */
  inNewDomains: boolean;
  defaultCategory: CategoryCode;
  fields: readonly TemplateField[];
}

const text = (name: string, en: string, ru: string, required = false, maxLength = 500): TemplateField => ({
  name,
  type: 'text',
  required,
  label: { en, ru },
  maxLength,
});
const longText = (name: string, en: string, ru: string, required = false): TemplateField => ({
  name,
  type: 'long-text',
  required,
  label: { en, ru },
  maxLength: 20_000,
});
const date = (name: string, en: string, ru: string, required = false): TemplateField => ({
  name,
  type: 'date',
  required,
  label: { en, ru },
});
const state = (name: string, en: string, ru: string, required = false): TemplateField => ({
  name,
  type: 'state',
  required,
  label: { en, ru },
});
const states = (name: string, en: string, ru: string, required = false): TemplateField => ({
  name,
  type: 'states',
  required,
  label: { en, ru },
});
const purpose = longText(
  'purpose',
  'Purpose and legal basis of the request',
  'Цель и правовое основание запроса',
  true,
);

export const REQUEST_TEMPLATES: Readonly<Record<RequestKind, RequestTemplate>> = {
  'request:document-check': {
    kind: 'request:document-check',
    title: { en: 'Travel or identity document check', ru: 'Проверка проездного документа или удостоверения личности' },
    domains: ['border', 'law-enforcement'],
    inNewDomains: false,
    defaultCategory: 'travel-identity-documents',
    fields: [
      {
        name: 'documentType',
        type: 'select',
        required: true,
        label: { en: 'Document type', ru: 'Тип документа' },
        options: [
          { value: 'passport', label: { en: 'Passport', ru: 'Паспорт' } },
          { value: 'identity-card', label: { en: 'Identity card', ru: 'Удостоверение личности' } },
          { value: 'visa', label: { en: 'Visa', ru: 'Виза' } },
          { value: 'residence-permit', label: { en: 'Residence permit', ru: 'Вид на жительство' } },
          {
            value: 'travel-document',
            label: {
              en: 'Other travel document (refugee, stateless)',
              ru: 'Иной проездной документ (беженца, лица без гражданства)',
            },
          },
          { value: 'other', label: { en: 'Other', ru: 'Другое' } },
        ],
      },
      text('documentNumber', 'Document number', 'Номер документа', true, 64),
      state('issuingState', 'Issuing state', 'Государство выдачи', true),
      text('holderName', 'Holder name as in the document', 'Имя владельца по документу', true),
      date('holderBirthDate', 'Holder date of birth', 'Дата рождения владельца'),
      date('issueDate', 'Date of issue', 'Дата выдачи'),
      longText('circumstances', 'Circumstances of the check', 'Обстоятельства проверки'),
      purpose,
    ],
  },
  'request:person-entity-check': {
    kind: 'request:person-entity-check',
    title: { en: 'Person or entity check', ru: 'Проверка лица или организации' },
    domains: ['law-enforcement', 'border', 'economic-crime', 'non-proliferation'],
    inNewDomains: true,
    defaultCategory: 'personal-data',
    fields: [
      {
        name: 'subjectType',
        type: 'select',
        required: true,
        label: { en: 'Subject', ru: 'Субъект' },
        options: [
          { value: 'person', label: { en: 'Natural person', ru: 'Физическое лицо' } },
          { value: 'entity', label: { en: 'Legal entity', ru: 'Юридическое лицо' } },
        ],
      },
      text('name', 'Name', 'Имя или наименование', true),
      date('birthDate', 'Date of birth or registration', 'Дата рождения или регистрации'),
      state('nationality', 'Nationality or state of registration', 'Гражданство или государство регистрации'),
      text(
        'identifiers',
        'Known identifiers (document, registration numbers)',
        'Известные идентификаторы (документы, регистрационные номера)',
      ),
      longText('questions', 'What should be checked', 'Что нужно проверить', true),
      purpose,
    ],
  },
  'request:route-information': {
    kind: 'request:route-information',
    title: {
      en: 'Route information (trafficking in persons, smuggling of migrants)',
      ru: 'Информация о маршруте (торговля людьми, незаконный ввоз мигрантов)',
    },
    domains: ['border', 'law-enforcement'],
    inNewDomains: false,
    defaultCategory: 'criminal-intelligence',
    fields: [
      {
        name: 'offence',
        type: 'select',
        required: true,
        label: { en: 'Offence', ru: 'Преступление' },
        options: [
          { value: 'trafficking-in-persons', label: { en: 'Trafficking in persons', ru: 'Торговля людьми' } },
          { value: 'smuggling-of-migrants', label: { en: 'Smuggling of migrants', ru: 'Незаконный ввоз мигрантов' } },
        ],
      },
      state('originState', 'State of origin', 'Государство происхождения', true),
      states('transitStates', 'Transit states', 'Государства транзита'),
      state('destinationState', 'State of destination', 'Государство назначения', true),
      text('period', 'Period concerned', 'Период'),
      longText(
        'knownFacts',
        'Known facts (routes, vehicles, persons)',
        'Известные факты (маршруты, транспорт, лица)',
        true,
      ),
      longText('questions', 'Information sought', 'Запрашиваемая информация', true),
      purpose,
    ],
  },
  'request:financial-enquiry': {
    kind: 'request:financial-enquiry',
    title: { en: 'Financial enquiry', ru: 'Финансовый запрос' },
    domains: ['economic-crime'],
    inNewDomains: false,
    defaultCategory: 'financial',
    fields: [
      text('subjects', 'Persons or entities concerned', 'Лица или организации', true),
      text('accounts', 'Accounts (IBAN, bank, holder)', 'Счета (IBAN, банк, владелец)'),
      longText(
        'transactions',
        'Transactions of interest (dates, amounts, currencies)',
        'Интересующие операции (даты, суммы, валюты)',
      ),
      longText('beneficialOwners', 'Beneficial ownership questions', 'Вопросы о бенефициарных владельцах'),
      text('predicateOffence', 'Suspected predicate offence', 'Предполагаемое предикатное преступление'),
      purpose,
    ],
  },
  'request:arms-tracing': {
    kind: 'request:arms-tracing',
    title: {
      en: 'Arms tracing (small arms and light weapons)',
      ru: 'Отслеживание оружия (стрелковое оружие и лёгкие вооружения)',
    },
    domains: ['law-enforcement', 'non-proliferation'],
    inNewDomains: false,
    defaultCategory: 'arms-wmd',
    fields: [
      text('weaponType', 'Type and model', 'Тип и модель', true),
      text('manufacturer', 'Manufacturer', 'Производитель'),
      text('serialNumber', 'Serial number', 'Серийный номер', true, 64),
      text(
        'markings',
        'Other markings (country, year, import marks)',
        'Прочая маркировка (страна, год, импортная маркировка)',
      ),
      text('calibre', 'Calibre', 'Калибр', false, 32),
      date('seizureDate', 'Date of seizure', 'Дата изъятия'),
      longText('circumstances', 'Circumstances of the seizure', 'Обстоятельства изъятия'),
      purpose,
    ],
  },
  'request:best-practice': {
    kind: 'request:best-practice',
    title: { en: 'Best practice and awareness sharing', ru: 'Обмен передовым опытом и информирование' },
    domains: ['non-proliferation', 'border', 'law-enforcement', 'economic-crime'],
    inNewDomains: true,
    defaultCategory: 'general',
    fields: [
      text('topic', 'Topic', 'Тема', true),
      longText('question', 'What would you like to learn', 'Что вы хотели бы узнать', true),
      text(
        'preferredFormat',
        'Preferred format (documents, meeting, training)',
        'Предпочтительный формат (документы, встреча, обучение)',
      ),
    ],
  },
  'request:consent': {
    kind: 'request:consent',
    title: {
      en: 'Consent to pass on or use as evidence',
      ru: 'Согласие на передачу или использование в качестве доказательства',
    },
    domains: ['border', 'law-enforcement', 'economic-crime', 'non-proliferation'],
    inNewDomains: true,
    defaultCategory: 'general',
    fields: [
      {
        name: 'use',
        type: 'select',
        required: true,
        label: { en: 'Intended use', ru: 'Предполагаемое использование' },
        options: [
          { value: 'pass-on', label: { en: 'Pass the information on', ru: 'Передать информацию' } },
          { value: 'evidence', label: { en: 'Use as evidence', ru: 'Использовать в качестве доказательства' } },
        ],
      },
      text('recipient', 'To whom (authority, state, court)', 'Кому (орган, государство, суд)', true),
      longText('justification', 'Justification', 'Обоснование', true),
    ],
  },
};

const fieldSchema = (field: TemplateField): z.ZodType => {
  const max = field.maxLength ?? 500;
  switch (field.type) {
    case 'text':
    case 'long-text':
      return z
        .string()
        .trim()
        .min(field.required ? 1 : 0)
        .max(max);
    case 'date':
      return z.iso.date();
    case 'state':
      return z.string().regex(/^[A-Z]{2}$/);
    case 'states':
      return z.array(z.string().regex(/^[A-Z]{2}$/)).max(64);
    case 'select':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
  }
};

/** The zod schema of the encrypted fields of a request of this kind (clients check before sealing and after opening). */
export function requestFieldsSchema(kind: RequestKind): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of REQUEST_TEMPLATES[kind].fields)
    shape[field.name] = field.required ? fieldSchema(field) : fieldSchema(field).optional();
  return z.object(shape).strict();
}

/** Whether a request of this kind may be made in `domain` (a domain of the network). */
export function offeredIn(template: RequestTemplate, domain: string): boolean {
  return (
    template.domains.includes(domain) ||
    (template.inNewDomains && !(SEEDED_DOMAIN_CODES as readonly string[]).includes(domain))
  );
}

/** The domains, among the network's, in which a request of this kind may be made; the default first. */
export function domainsOffering(template: RequestTemplate, networkDomains: readonly string[]): string[] {
  return [
    ...template.domains.filter((d) => networkDomains.includes(d)),
    ...networkDomains.filter((d) => !template.domains.includes(d) && offeredIn(template, d)),
  ];
}
