import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { loggerOptions } from '../../server/logger.js';

/** A real pino logger (the server's options: redaction, base fields) whose JSON lines are kept in memory, so tests can assert on logs. */
export function capturingLogger(level: pino.Level = 'debug'): {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  text: () => string;
} {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const lines = chunk.toString('utf8').split('\n').filter(Boolean);
      raw.push(...lines);
      // TEST_LOGS=1 shows the server's warnings and errors while debugging a test.
      if (process.env.TEST_LOGS)
        for (const line of lines)
          if ((JSON.parse(line) as { level: number }).level >= 40) process.stderr.write(`${line}\n`);
      callback();
    },
  });
  const logger = pino(loggerOptions({ logLevel: level }), stream);
  return {
    logger,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join('\n'),
  };
}
