import { appendFileSync } from 'node:fs';
import { takeContractViolations } from './api-contract.js';
import { screenshotOpenPages } from './browser.js';
import { startTestDatabase, stopTestDatabase } from './test-database.js';

const contractViolations: string[] = [];

/** Mocha root hooks: the shared throw-away database lives for the whole run. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await startTestDatabase();
  },
  /**
   * Answers the API document does not describe are gathered per test, and fail the run at its end
   * (a failing afterEach hook would stop the tests after it), naming the test that received each.
   */
  async afterEach(this: Mocha.Context): Promise<void> {
    const title = this.currentTest?.fullTitle() ?? '(unknown test)';
    for (const violation of takeContractViolations()) contractViolations.push(`${title}: ${violation}`);
    if (this.currentTest?.state === 'failed') await screenshotOpenPages(title);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(20_000);
    await stopTestDatabase();
    if (contractViolations.length === 0) return;
    if (process.env.CONTRACT_REPORT) appendFileSync(process.env.CONTRACT_REPORT, `${contractViolations.join('\n')}\n`);
    else throw new Error(`answers the API document does not describe:\n  ${contractViolations.join('\n  ')}`);
  },
};
