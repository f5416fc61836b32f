import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, runServerProcess, type ServerProcess } from '../../helpers/server-process.js';

/** The server as `npm start` runs it: embedded FerretDB supervised as a child process. */
describe('server process on the embedded database', function () {
  this.timeout(60_000);
  let dataDir: string;
  let run: ServerProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-proc-'));
  });
  afterEach(async () => {
    if (run && run.child.exitCode === null) {
      run.kill('SIGKILL');
      await run.exited;
    }
    const pid = ferretdbPid();
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pidFile = (): string => path.join(dataDir, 'ferretdb-state', 'ferretdb.pid');
  const ferretdbPid = (): number | undefined =>
    existsSync(pidFile()) ? Number(readFileSync(pidFile(), 'utf8').split('\n')[0]) : undefined;
  const isAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const readyStatus = async (url: string): Promise<number> => (await fetch(`${url}/api/ready`)).status;

  it('restarts FerretDB when it dies: readiness goes red, then green again', async () => {
    run = await runServerProcess({ DATA_DIR: dataDir, PORT: '0' });
    const url = await run.listening();
    expect(await readyStatus(url)).to.equal(200);
    const first = ferretdbPid();
    expect(first).to.be.a('number');

    process.kill(first!, 'SIGKILL');
    await eventually(async () => (await readyStatus(url)) === 503, 10_000, 'readiness 503 after FerretDB died');
    await eventually(async () => (await readyStatus(url)) === 200, 20_000, 'readiness 200 after restart');
    expect(ferretdbPid()).to.not.equal(first);
    expect(run.child.exitCode).to.equal(null);
  });

  it('exits with a clear message when FerretDB keeps dying (EMBEDDED_DB_MAX_RESTARTS=0)', async () => {
    run = await runServerProcess({ DATA_DIR: dataDir, PORT: '0', EMBEDDED_DB_MAX_RESTARTS: '0' });
    await run.listening();
    process.kill(ferretdbPid()!, 'SIGKILL');
    expect(await run.exited).to.equal(1);
    expect(run.stderr()).to.match(/FocalNet is stopping: the embedded database \(FerretDB\) exited 1 times/);
  });

  it('shuts down gracefully on SIGTERM: exit 0 and FerretDB stopped', async () => {
    run = await runServerProcess({ DATA_DIR: dataDir, PORT: '0' });
    await run.listening();
    const pid = ferretdbPid()!;
    expect(isAlive(pid)).to.equal(true);
    run.kill('SIGTERM');
    expect(await run.exited).to.equal(0);
    expect(isAlive(pid)).to.equal(false);
    expect(existsSync(pidFile())).to.equal(false);
  });

  it('stops a FerretDB left behind by a server killed with SIGKILL before starting its own', async () => {
    run = await runServerProcess({ DATA_DIR: dataDir, PORT: '0' });
    await run.listening();
    const orphan = ferretdbPid()!;
    run.kill('SIGKILL');
    await run.exited;
    expect(isAlive(orphan)).to.equal(true);

    run = await runServerProcess({ DATA_DIR: dataDir, PORT: '0' });
    const url = await run.listening();
    await eventually(async () => !isAlive(orphan), 5_000, 'orphaned FerretDB stopped');
    expect(await readyStatus(url)).to.equal(200);
  });
});
