import type { ReadyResponse } from '../../shared/schemas/system.js';
import type { Draining } from './draining.js';

export interface ReadinessProbe {
  check(): Promise<ReadyResponse>;
}

/** What readiness asks of the database (server/db's Database has it). */
export interface DatabaseHealth {
  kind: ReadyResponse['database']['kind'];
  ping(): Promise<boolean>;
  /** The embedded database process's state; undefined for an external database. */
  processState(): string | undefined;
}

/**
 * Ready means the database answers now and the node is not stopping; the embedded supervisor's
 * state is reported beside it. A draining node answers 503 so the proxy and orchestrators move on.
 */
export function databaseReadiness(database: DatabaseHealth, draining?: Pick<Draining, 'active'>): ReadinessProbe {
  return {
    async check() {
      const processState = database.processState();
      // A restarting embedded database is not ready even if a stale connection still answers.
      const up = (processState === undefined || processState === 'running') && (await database.ping());
      const stopping = draining?.active === true;
      return {
        status: up && !stopping ? 'ready' : 'not-ready',
        ...(stopping ? { reason: 'draining' as const } : {}),
        database: {
          kind: database.kind,
          state: up ? 'up' : 'down',
          ...(processState ? { process: processState } : {}),
        },
      };
    },
  };
}
