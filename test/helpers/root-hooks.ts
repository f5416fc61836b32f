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
    const failed = this.currentTest?.state === 'failed' ? this.currentTest : undefined;
    if (!failed) return;
    const pages = await screenshotOpenPages(title);
    if (pages && failed.err) addToReport(failed.err, `The open pages when it failed:\n${pages}`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(20_000);
    await stopTestDatabase();
    if (contractViolations.length === 0) return;
    if (process.env.CONTRACT_REPORT) appendFileSync(process.env.CONTRACT_REPORT, `${contractViolations.join('\n')}\n`);
    else throw new Error(`answers the API document does not describe:\n  ${contractViolations.join('\n  ')}`);
  },
};

/**
 * Adds lines to a failure's report, which the reporter prints at the end of the run where CI's log
 * is read. It prints the stack's lines before the first frame as the message, so they go there too.
 */
function addToReport(err: Error, lines: string): void {
  err.message += `\n\n${lines}`;
  const stack = (err.stack ?? '').split('\n');
  const firstFrame = stack.findIndex((line) => /^\s+at\s/.test(line));
  if (firstFrame < 0) return;
  stack.splice(firstFrame, 0, '', ...lines.split('\n'), '');
  err.stack = stack.join('\n');
}
