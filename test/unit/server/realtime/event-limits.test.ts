import { expect } from 'chai';
import { loadConfig } from '../../../../server/config.js';
import { createEventLimiter, DEFAULT_EVENT_LIMITS } from '../../../../server/realtime/event-limits.js';

describe('socket event limits', () => {
  it('allows an account its allowance of an event per second, then refuses; other accounts and events count apart', async () => {
    const limiter = createEventLimiter({ 'message:fetch': 3 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await limiter.allow('a', 'message:fetch'));
    expect(answers).to.deep.equal([true, true, true, false, false]);
    expect(await limiter.allow('b', 'message:fetch')).to.equal(true);
    expect(await limiter.allow('a', 'message:ack')).to.equal(true);
  });

  it("leaves the relay's own pace far below the defaults (bench: 200 msg/s, pages of 200)", () => {
    expect(DEFAULT_EVENT_LIMITS['message:send']).to.be.at.least(1_000);
    expect(DEFAULT_EVENT_LIMITS['message:ack']).to.be.at.least(1_000);
    expect(DEFAULT_EVENT_LIMITS['message:fetch']).to.be.at.least(200);
  });

  it('is configured by SOCKET_EVENT_LIMITS; a name that is no event stops the start', () => {
    expect(loadConfig({ SOCKET_EVENT_LIMITS: 'message:send=500,message:fetch=100' }).socketEventLimits).to.deep.equal({
      'message:send': 500,
      'message:fetch': 100,
    });
    expect(loadConfig({}).socketEventLimits).to.deep.equal({});
    expect(() => loadConfig({ SOCKET_EVENT_LIMITS: 'message:send' })).to.throw(/SOCKET_EVENT_LIMITS/);
    expect(() => createEventLimiter({ 'message:sned': 5 })).to.throw(
      /SOCKET_EVENT_LIMITS names unknown events: message:sned/,
    );
  });
});
