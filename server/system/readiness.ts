import type { ReadyResponse } from '../../shared/schemas/system.js';

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

/** Ready means the database answers now; the embedded supervisor's state is reported beside it. */
export function databaseReadiness(database: DatabaseHealth): ReadinessProbe {
  return {
    async check() {
      const processState = database.processState();
      // A restarting embedded database is not ready even if a stale connection still answers.
      const up = (processState === undefined || processState === 'running') && (await database.ping());
      return {
        status: up ? 'ready' : 'not-ready',
        database: {
          kind: database.kind,
          state: up ? 'up' : 'down',
          ...(processState ? { process: processState } : {}),
        },
      };
    },
  };
}
