import { startTestDatabase, stopTestDatabase } from './test-database.js';

/** Mocha root hooks: the shared throw-away database lives for the whole run. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await startTestDatabase();
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(20_000);
    await stopTestDatabase();
  },
};
