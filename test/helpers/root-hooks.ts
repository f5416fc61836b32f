import { appendFileSync } from 'node:fs';
import { takeContractViolations } from './api-contract.js';
import { startTestDatabase, stopTestDatabase } from './test-database.js';

/** Mocha root hooks: the shared throw-away database lives for the whole run. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await startTestDatabase();
  },
  /** An answer the API document does not describe fails the test that received it. */
  afterEach(this: Mocha.Context): void {
    const violations = takeContractViolations();
    if (violations.length === 0) return;
    if (process.env.CONTRACT_REPORT) {
      appendFileSync(process.env.CONTRACT_REPORT, `${violations.join('\n')}\n`);
      return;
    }
    throw new Error(`answers the API document does not describe:\n  ${violations.join('\n  ')}`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(20_000);
    await stopTestDatabase();
  },
};
