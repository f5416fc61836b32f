import type { Clock } from '../../server/system/clock.js';

/** Real time plus an offset the test moves forward: tokens, TOTP steps and deadlines follow it. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
