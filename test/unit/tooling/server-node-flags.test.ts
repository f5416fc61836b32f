import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { expect } from 'chai';
import { SERVER_NODE_FLAGS } from '../../../server/node-flags.js';

describe('the server process V8 flags', () => {
  it('npm start passes exactly SERVER_NODE_FLAGS, which the benchmarks use too', () => {
    const start =
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
    const flags = start.split(/\s+/).filter((part) => part.startsWith('--') && part !== '--import');
    expect(flags).to.deep.equal([...SERVER_NODE_FLAGS]);
  });

  it('this Node accepts them (an unknown V8 flag would stop the server from starting)', () => {
    const result = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(result.stderr).to.equal('');
    expect(result.status).to.equal(0);
  });
});
