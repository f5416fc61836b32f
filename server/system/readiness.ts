import type { ReadyResponse } from '../../shared/schemas/system.js';
import type { Database } from '../db/database.js';

export interface ReadinessProbe {
  check(): Promise<ReadyResponse>;
}

/** Ready means the database answers now; the embedded supervisor's state is reported beside it. */
export function databaseReadiness(database: Pick<Database, 'kind' | 'ping' | 'processState'>): ReadinessProbe {
  return {
    async check() {
      const processState = database.processState();
      // A restarting embedded database is not ready even if a stale connection still answers.
      const up = (processState === undefined || processState === 'running') && (await database.ping());
      return {
        status: up ? 'ready' : 'not-ready',
        database: { kind: database.kind, state: up ? 'up' : 'down', ...(processState ? { process: processState } : {}) },
      };
    },
  };
}
