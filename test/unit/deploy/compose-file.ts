import { parse } from 'yaml';
import { readRepoFile } from './repo-files.js';

export interface ComposeService {
  image?: string;
  restart?: string;
  profiles?: string[];
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  volumes?: string[];
  secrets?: string[];
  stop_grace_period?: string;
  entrypoint?: string[];
  command?: string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

export const COMPOSE_PATH = 'deploy/compose.yaml';

/** deploy/compose.yaml as compose reads it: YAML merge keys (`<<: *anchor`) resolved. */
export function readCompose(): { text: string; document: ComposeFile } {
  const text = readRepoFile(COMPOSE_PATH);
  return { text, document: parse(text, { merge: true }) as ComposeFile };
}

/** Looks up services of a compose file by name (throwing on a missing one) and their environment as strings. */
export function composeServices(document: ComposeFile): {
  service(name: string): ComposeService;
  environment(name: string): Record<string, string>;
} {
  const service = (name: string): ComposeService => {
    const found = document.services[name];
    if (!found) throw new Error(`no service ${name}`);
    return found;
  };
  return {
    service,
    environment: (name) =>
      Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, String(v ?? '')])),
  };
}

/** Seconds of a compose duration such as `30s`, `1m30s`. */
export function durationSeconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(amount) * (units[unit ?? 's'] ?? 1);
  }
  return total;
}

/** The `${NAME}` / `${NAME:-default}` / `${NAME:?message}` interpolations in a text. */
export function interpolations(text: string): { name: string; required: boolean; hasDefault: boolean }[] {
  return [...text.matchAll(/\$\{([A-Z0-9_]+)(:?[-?])?([^}]*)\}/g)].map(([, name, operator]) => ({
    name: name ?? '',
    required: operator?.endsWith('?') ?? false,
    hasDefault: operator?.endsWith('-') ?? false,
  }));
}
