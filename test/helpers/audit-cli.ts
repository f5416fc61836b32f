import { spawn } from 'node:child_process';
import { testMongoUri } from './test-database.js';
import { TEST_OPAQUE_SERVER_SETUP } from './opaque.js';
import type { TestServer } from './test-server.js';

/** The JWT secret audit tests start their server with, so the CLI derives the same log key. */
export const AUDIT_TEST_JWT_SECRET = 'x'.repeat(40);

/** Runs `npm run cli -- audit:verify [args]` against the test server's database. */
export const cliVerify = (
  t: TestServer,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> => cliAudit(t, 'audit:verify', args, env);

/** Runs `npm run cli -- <command> [args]` (a command on the trail or its keys) against the test server's database. */
export function cliAudit(
  t: TestServer,
  command: 'audit:verify' | 'audit:find' | 'signing-keys' | 'signing-keys:replace',
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', command, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        MONGODB_URI: testMongoUri(),
        DB_NAME: t.server.database.connection.name,
        JWT_SECRET: AUDIT_TEST_JWT_SECRET,
        OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP,
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}
