import { REQUEST_TEMPLATES, requestFieldsSchema, type RequestKind } from '../../../../shared/requests/templates';

/** The form's values: text for every field, a list for 'states' fields. */
export type FieldValues = Record<string, string | string[]>;

export type FieldsResult =
  { ok: true; fields: Record<string, string | string[]> } | { ok: false; problems: Record<string, string> };

/**
 * The encrypted content of a request from the form: text trimmed, empty optional fields left
 * out, then checked with the template's own schema (the same the recipient's client applies).
 * Problems are keyed by field name, with the schema's words.
 */
export function buildFields(kind: RequestKind, values: FieldValues): FieldsResult {
  const candidate: Record<string, string | string[]> = {};
  for (const field of REQUEST_TEMPLATES[kind].fields) {
    const value = values[field.name];
    if (Array.isArray(value)) {
      if (value.length > 0) candidate[field.name] = value;
    } else if (value !== undefined && value.trim() !== '')
      candidate[field.name] = field.type === 'text' || field.type === 'long-text' ? value.trim() : value;
  }
  const parsed = requestFieldsSchema(kind).safeParse(candidate);
  if (parsed.success) return { ok: true, fields: candidate };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    problems[name] ??= candidate[name] === undefined ? 'required' : 'invalid';
  }
  return { ok: false, problems };
}

/** Route information goes to the states of origin, transit and destination: each once, in that order. */
export function routeStates(values: FieldValues): string[] {
  const one = (name: string): string[] => {
    const value = values[name];
    return typeof value === 'string' && value !== '' ? [value] : [];
  };
  const transit = Array.isArray(values.transitStates) ? values.transitStates : [];
  return [...new Set([...one('originState'), ...transit, ...one('destinationState')])];
}
