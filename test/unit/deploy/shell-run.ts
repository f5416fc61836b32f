import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A compose string as the container sees it: compose turns `$$` into `$`. */
export const unescapeCompose = (value: string): string => value.replaceAll('$$', '$');

/** A folder of stand-in commands (`name` → a POSIX sh body), to put first on PATH. */
export function fakeCommands(commands: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'focalnet-fake-bin-'));
  for (const [name, body] of Object.entries(commands)) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/** Runs `sh -c script name args…` with `bin` first on PATH; stdin is empty. */
export function runShell(
  script: string,
  args: readonly string[],
  bin: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('sh', ['-c', script, ...args], {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ...env },
    encoding: 'utf8',
    input: '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
