/**
 * How each field of an audit entry's details reads: its kind says how its value is written
 * (states and domains by name, dates through the date helper, people by name), and its label is
 * `admin.auditFields.<key>` in both languages. A key the server adds later and this list does not
 * know yet still shows, under its own name.
 */
export type AuditFieldKind =
  'state' | 'states' | 'domain' | 'domains' | 'date' | 'role' | 'person' | 'count' | 'yes-no' | 'duration' | 'text';

export const AUDIT_FIELDS = {
  // Who, where, which
  state: 'state',
  holdingStates: 'states',
  toStates: 'states',
  electorate: 'states',
  requesterState: 'state',
  requestedState: 'state',
  domain: 'domain',
  domains: 'domains',
  before: 'domains',
  after: 'domains',
  retired: 'domain',
  role: 'role',
  username: 'text',
  previousKeyVerifiedBy: 'person',
  deputyUserId: 'person',
  onBehalfOf: 'person',
  deputies: 'person',
  members: 'person',
  formerMembers: 'person',
  // When
  at: 'date',
  deadline: 'date',
  expiresAt: 'date',
  previousKeyValidFrom: 'date',
  previousKeyValidUntil: 'date',
  starts: 'date',
  until: 'date',
  responseMs: 'duration',
  year: 'text',
  // How many
  publishedRuleCount: 'count',
  ruleCount: 'count',
  recipients: 'count',
  targets: 'count',
  entries: 'count',
  messages: 'count',
  attachments: 'count',
  // Yes or no
  totp: 'yes-no',
  bootstrap: 'yes-no',
  hasComment: 'yes-no',
  late: 'yes-no',
  previousKeyVerified: 'yes-no',
  early: 'yes-no',
  // What and why
  reason: 'text',
  status: 'text',
  code: 'text',
  kind: 'text',
  position: 'text',
  outcome: 'text',
  procedure: 'text',
  format: 'text',
  fields: 'text',
  version: 'text',
  keyVersion: 'text',
  previousKeyVersion: 'text',
  defaultEffect: 'text',
  effect: 'text',
  category: 'text',
  classification: 'text',
  handling: 'text',
  perRecipient: 'text',
  policyVersions: 'text',
  rules: 'text',
  reports: 'text',
  action: 'text',
  from: 'text',
  to: 'text',
  no: 'text',
  consent: 'text',
  lateReason: 'text',
  reasonCode: 'text',
  evaluation: 'text',
  urgency: 'text',
  // References
  exchangeRef: 'text',
  approvalId: 'text',
  familyId: 'text',
  messageId: 'text',
  originalCaseId: 'text',
  // Lost and stolen travel documents (counts and key epochs only)
  holderStates: 'states',
  count: 'count',
  duplicates: 'count',
  screened: 'count',
  hits: 'count',
  granted: 'count',
  holders: 'count',
  participating: 'yes-no',
  required: 'yes-no',
  ring: 'text',
  epoch: 'text',
  networkEpoch: 'text',
  month: 'text',
  // The audit log: co-signed heads and discrepancies reported by clients
  size: 'count',
  root: 'text',
  savedSize: 'count',
  savedRoot: 'text',
  currentSize: 'count',
  currentRoot: 'text',
  detail: 'text',
} as const satisfies Record<string, AuditFieldKind>;

export type AuditFieldKey = keyof typeof AUDIT_FIELDS;

export const isAuditField = (key: string): key is AuditFieldKey => Object.hasOwn(AUDIT_FIELDS, key);

/** What writing a value needs from the page: names and dates in the person's language. */
export interface AuditWords {
  label: (key: AuditFieldKey) => string;
  state: (code: string) => string;
  domain: (code: string) => string;
  role: (role: string) => string;
  person: (id: string) => string;
  date: (iso: string) => string;
  yes: string;
  no: string;
  none: string;
  /** "1 min 5 s"-like, from ms. */
  duration: (ms: number) => string;
  /** A code (a status, a position) in words where the page knows it, else the code itself. */
  code: (key: string, value: string) => string;
}

export interface AuditDetail {
  key: string;
  label: string;
  value: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const plain = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);

function valueOf(key: string, kind: AuditFieldKind, value: unknown, words: AuditWords): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return words.none;
  switch (kind) {
    case 'state':
    case 'states':
      return list(value)
        .map((code) => words.state(plain(code)))
        .join(', ');
    case 'domain':
    case 'domains':
      return list(value)
        .map((code) => words.domain(plain(code)))
        .join(', ');
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? words.date(value) : plain(value);
    case 'role':
      return words.role(plain(value));
    case 'person':
      return list(value)
        .map((id) => words.person(plain(id)))
        .join(', ');
    case 'yes-no':
      return value === true ? words.yes : value === false ? words.no : plain(value);
    case 'duration':
      return typeof value === 'number' ? words.duration(value) : plain(value);
    default:
      return list(value)
        .map((item) => (typeof item === 'string' ? words.code(key, item) : plain(item)))
        .join(', ');
  }
}

/** An entry's details as labelled words, in the order the server wrote them. */
export function describeAuditDetails(data: Record<string, unknown>, words: AuditWords): AuditDetail[] {
  return Object.entries(data).map(([key, value]) =>
    isAuditField(key)
      ? { key, label: words.label(key), value: valueOf(key, AUDIT_FIELDS[key], value, words) }
      : { key, label: key, value: plain(value) },
  );
}
