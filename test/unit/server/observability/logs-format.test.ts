import { expect } from 'chai';
import { Writable } from 'node:stream';
import { chosenLogFormat, createLogger } from '../../../../server/logger.js';
import { runInRequestContext } from '../../../../server/observability/request-context.js';
import { securityEvent } from '../../../../server/observability/security-log.js';

/** A destination stream keeping what the logger wrote, line by line. */
function memory(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('logs: format, fields, redaction, security lines', () => {
  it('writes JSON unless pretty is asked for and pino-pretty is installed', () => {
    const base = { logLevel: 'info' as const, env: 'production' as const };
    expect(chosenLogFormat({ ...base, logFormat: 'json' }, true)).to.equal('json');
    expect(chosenLogFormat({ ...base, logFormat: 'pretty' }, true)).to.equal('pretty');
    // A production image carries no pino-pretty: JSON rather than a crash at start.
    expect(chosenLogFormat({ ...base, logFormat: 'pretty' }, false)).to.equal('json');
    expect(chosenLogFormat(base, true)).to.equal('json');
    expect(chosenLogFormat({ ...base, env: 'test', logFormat: 'json' }, true)).to.equal('json');
  });

  it('writes one JSON object per line with the collector’s fields, credentials redacted', () => {
    const out = memory();
    const logger = createLogger({ logLevel: 'info', env: 'production', logFormat: 'json' }, out.stream);
    logger.info({ body: { password: 'hunter2-hunter2', token: 'abc.def.ghi' } }, 'first');
    logger.debug('below the level');
    logger.warn('second');
    const lines = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.msg)).to.deep.equal(['first', 'second']);
    for (const line of lines) {
      expect(line).to.include({ service: 'focalnet', pid: process.pid });
      expect(line.version).to.match(/^\d+\.\d+\.\d+/);
      expect(line.hostname).to.be.a('string');
      expect(new Date(line.time as string).toISOString()).to.equal(line.time);
    }
    expect(lines[0]?.body).to.deep.equal({ password: '[redacted]', token: '[redacted]' });
    expect(out.lines().join('\n')).to.not.include('hunter2');
  });

  it('a security line carries the current request’s id, or the one given, and drops empty fields', () => {
    const out = memory();
    const logger = createLogger({ logLevel: 'info', env: 'production', logFormat: 'json' }, out.stream);
    runInRequestContext({ requestId: 'req-0001', socketId: 'sock-1' }, () =>
      securityEvent(logger, 'auth.sign-in-failed', { actorId: 'a1', subjectId: null, reason: 'wrong-password' }),
    );
    securityEvent(logger, 'user.suspended', { actorId: 'a2' }, { requestId: 'req-0002' });
    securityEvent(logger, 'auth.socket-token-refused', { reason: 'no-token' });
    const [inside, given, outside] = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).to.include({
      level: 30,
      security: 'auth.sign-in-failed',
      msg: 'security event: auth.sign-in-failed',
      requestId: 'req-0001',
      socketId: 'sock-1',
      actorId: 'a1',
      reason: 'wrong-password',
    });
    expect(inside).to.not.have.property('subjectId');
    expect(given).to.include({ security: 'user.suspended', requestId: 'req-0002', actorId: 'a2' });
    expect(outside).to.include({ security: 'auth.socket-token-refused', reason: 'no-token' });
    expect(outside).to.not.have.property('requestId');
  });

  it('nothing is written for security events when info is off', () => {
    const out = memory();
    const logger = createLogger({ logLevel: 'warn', env: 'production', logFormat: 'json' }, out.stream);
    securityEvent(logger, 'auth.signed-in', { actorId: 'a1' });
    expect(out.lines()).to.deep.equal([]);
  });
});
