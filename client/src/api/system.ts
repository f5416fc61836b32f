import { HealthResponse, ReadyResponse } from '../../../shared/schemas/system';

/** Reads a JSON body and checks it against the shared schema; a 503 from /ready still has a body. */
async function getJson<T>(url: string, schema: { parse(value: unknown): T }): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return schema.parse(await response.json());
}

export const fetchHealth = (): Promise<HealthResponse> => getJson('/api/health', HealthResponse);
export const fetchReadiness = (): Promise<ReadyResponse> => getJson('/api/ready', ReadyResponse);
