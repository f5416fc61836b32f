import { z } from 'zod';

/**
 * The four domains of the action plan, seeded at first start. More are added by network decision
 * (consensus), so a domain is any well-formed code here; the server checks that it exists.
 */
export const SEEDED_DOMAIN_CODES = ['border', 'law-enforcement', 'economic-crime', 'non-proliferation'] as const;
export const DOMAIN_CODE_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const DomainCode = z
  .string()
  .max(40)
  .regex(DOMAIN_CODE_PATTERN, 'a domain code: lower-case letters and digits, words joined by "-"');
export type DomainCode = z.infer<typeof DomainCode>;
/** More than a network would ever agree on; bounds lists of domains in requests. */
export const MAX_DOMAINS = 50;

/** Information categories (architecture: disclosure policy). */
export const CATEGORY_CODES = [
  'general',
  'personal-data',
  'criminal-intelligence',
  'financial',
  'travel-identity-documents',
  'arms-wmd',
] as const;
export const CategoryCode = z.enum(CATEGORY_CODES);
export type CategoryCode = z.infer<typeof CategoryCode>;

/** Classifications, least to most restrictive. */
export const CLASSIFICATIONS = ['public', 'restricted', 'confidential'] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;

/** Handling codes H0 (no restriction) to H3 (strictest), as in European law-enforcement practice. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const HandlingCode = z.enum(HANDLING_CODES);
export type HandlingCode = z.infer<typeof HandlingCode>;

/** Evaluation: source reliability A/B/C/X × information accuracy 1–4, e.g. "B2". */
export const EvaluationCode = z
  .string()
  .regex(/^[ABCX][1-4]$/, 'evaluation is source A/B/C/X followed by accuracy 1-4');
export type EvaluationCode = z.infer<typeof EvaluationCode>;

/** What an exchange is: a free message, a request of a type, or a lifecycle step. */
export const EXCHANGE_KINDS = [
  'message',
  'receipt',
  'request:document-check',
  'request:person-entity-check',
  'request:route-information',
  'request:financial-enquiry',
  'request:arms-tracing',
  'request:best-practice',
  'request:consent',
  'request:transition',
  'circular',
  /** A state's lost and stolen travel documents reaching another state's screening clients (keyed tags only). */
  'travel-document-listing',
] as const;
export const ExchangeKind = z.enum(EXCHANGE_KINDS);
export type ExchangeKind = z.infer<typeof ExchangeKind>;

/**
 * The secretariat belongs to no state. Where an exchange must name a state for it (an envelope's
 * `from` or `to` of a circular, the sending side of a policy decision), it is this code: "XS"
 * is in the ISO 3166-1 user-assigned range, so no member state ever has it.
 */
export const SECRETARIAT_STATE = 'XS';

/** ISO 3166-1 alpha-2 code of a member state. */
export const StateCode = z.string().regex(/^[A-Z]{2}$/, 'state is an ISO 3166-1 alpha-2 code');
export type StateCode = z.infer<typeof StateCode>;

/** Server-readable labels of an exchange: the only metadata the policy engine sees. */
export const Labels = z
  .object({
    domain: DomainCode,
    category: CategoryCode,
    classification: Classification,
    handling: HandlingCode,
    evaluation: EvaluationCode.optional(),
  })
  .strict();
export type Labels = z.infer<typeof Labels>;
