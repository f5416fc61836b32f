import { z } from 'zod';
import { FOCAL_ROLES, LanguageCode, SEARCH_SORTS } from '../../../../shared/schemas/directory';
import { DomainCode, StateCode } from '../../../../shared/schemas/labels';
import type { DirectoryFilter } from '../../../sdk/index';

const Tri = z.enum(['true', 'false']);
export type TriState = z.infer<typeof Tri> | '';

/** The search form as it stands; also kept in the address (?domain=…) so Back returns to it. */
export interface FilterState {
  q: string;
  domain: DomainCode | '';
  states: string[];
  language: string;
  role: (typeof FOCAL_ROLES)[number] | '';
  available24x7: TriState;
  stale: TriState;
  sort: (typeof SEARCH_SORTS)[number];
  page: number;
}

export const EMPTY_FILTER: FilterState = {
  q: '',
  domain: '',
  states: [],
  language: '',
  role: '',
  available24x7: '',
  stale: '',
  sort: 'name',
  page: 1,
};

/** Reads the address's query: anything that is not a valid value is ignored, not trusted. */
export function filterFromQuery(search: string): FilterState {
  const params = new URLSearchParams(search);
  const get = (key: string): string => params.get(key) ?? '';
  const states = get('state')
    .split(',')
    .filter((code) => StateCode.safeParse(code).success);
  const page = z.coerce.number().int().min(1).max(10_000).safeParse(get('page'));
  return {
    q: get('q').slice(0, 100),
    // Any well-formed code: a bookmark may name a domain added since, which this tab's list may not hold yet.
    domain: DomainCode.safeParse(get('domain')).data ?? '',
    states,
    language: LanguageCode.safeParse(get('language')).data ?? '',
    role: z.enum(FOCAL_ROLES).safeParse(get('role')).data ?? '',
    available24x7: Tri.safeParse(get('available24x7')).data ?? '',
    stale: Tri.safeParse(get('stale')).data ?? '',
    sort: z.enum(SEARCH_SORTS).safeParse(get('sort')).data ?? 'name',
    page: page.success ? page.data : 1,
  };
}

/** The non-default parts of the filter as a query string ("" when nothing is set). */
export function filterToQuery(filter: FilterState): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.domain) params.set('domain', filter.domain);
  if (filter.states.length > 0) params.set('state', filter.states.join(','));
  if (filter.language) params.set('language', filter.language);
  if (filter.role) params.set('role', filter.role);
  if (filter.available24x7) params.set('available24x7', filter.available24x7);
  if (filter.stale) params.set('stale', filter.stale);
  if (filter.sort !== 'name') params.set('sort', filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const tri = (value: TriState): boolean | undefined => (value === '' ? undefined : value === 'true');

export function toSdkFilter(filter: FilterState, pageSize: number): DirectoryFilter {
  const available24x7 = tri(filter.available24x7);
  const stale = tri(filter.stale);
  return {
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.domain ? { domain: filter.domain } : {}),
    ...(filter.states.length > 0 ? { states: filter.states } : {}),
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(available24x7 === undefined ? {} : { available24x7 }),
    ...(stale === undefined ? {} : { stale }),
    sort: filter.sort,
    page: filter.page,
    pageSize,
  };
}

// The last search of this tab, so "back to the results" returns to it from an entry.
let lastQuery = '';
export const rememberQuery = (query: string): void => {
  lastQuery = query;
};
export const resultsPath = (): string => `/directory${lastQuery}`;
