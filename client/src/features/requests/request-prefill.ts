import { Urgency } from '../../../../shared/requests/header-fields';
import { REQUEST_TEMPLATES, type RequestKind } from '../../../../shared/requests/templates';
import { StateCode } from '../../../../shared/schemas/labels';
import type { FieldValues } from './compose-model';

/** What another page (a screening hit) fills in on a compose page: the state to ask, the urgency, the fields. */
export interface RequestPrefill {
  state?: string;
  urgency?: Urgency;
  fields: FieldValues;
}

/**
 * The compose page's address with a prefill. The state and urgency go in the query; the fields
 * go in the fragment, which the browser never sends to the server (a document number must not
 * reach its logs on a reload).
 */
export function prefillHref(kind: RequestKind, prefill: RequestPrefill): string {
  const query = new URLSearchParams({
    ...(prefill.state ? { state: prefill.state } : {}),
    ...(prefill.urgency ? { urgency: prefill.urgency } : {}),
  }).toString();
  const fields = new URLSearchParams(
    Object.entries(prefill.fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
  return `/requests/new/${kind.slice('request:'.length)}${query ? `?${query}` : ''}${fields ? `#${fields}` : ''}`;
}

/** The prefill an address carries, keeping only what the kind's template accepts (an address is not trusted). */
export function prefillFromLocation(kind: RequestKind, search: string, hash: string): RequestPrefill {
  const query = new URLSearchParams(search);
  const state = StateCode.safeParse(query.get('state')).data;
  const urgency = Urgency.safeParse(query.get('urgency')).data;
  const given = new URLSearchParams(hash.replace(/^#/, ''));
  const fields: FieldValues = {};
  for (const field of REQUEST_TEMPLATES[kind].fields) {
    const value = given.get(field.name)?.trim();
    if (!value || value.length > (field.maxLength ?? 500)) continue;
    if (field.type === 'select' && !field.options?.some((option) => option.value === value)) continue;
    if (field.type === 'state' && !StateCode.safeParse(value).success) continue;
    if (field.type === 'states') continue;
    fields[field.name] = value;
  }
  return { ...(state ? { state } : {}), ...(urgency ? { urgency } : {}), fields };
}
