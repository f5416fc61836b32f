import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NGINX_TEMPLATE = path.join(repoRoot, 'deploy', 'nginx', 'focalnet.conf.template');

/** The template's variables, as the nginx image's envsubst fills them in compose. */
export interface NginxTemplateVars {
  FOCALNET_NODE_1: string;
  FOCALNET_NODE_2: string;
  FOCALNET_PUBLIC_ORIGIN: string;
  HTTP_PORT: string;
  HTTPS_PORT: string;
  TLS_CERT: string;
  TLS_KEY: string;
}

/**
 * Substitutes ${UPPER_CASE} names only (nginx's own $variables stay), as envsubst does with the
 * names it is given; a name left unfilled outside a comment is an error.
 */
export function renderTemplate(template: string, vars: NginxTemplateVars): string {
  const values: Record<string, string> = { ...vars };
  const rendered = template.replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name: string) => values[name] ?? whole);
  const directives = rendered
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n');
  const left = directives.match(/\$\{[A-Za-z0-9_]+\}/g);
  if (left)
    throw new Error(`the nginx template has variables the test does not fill: ${[...new Set(left)].join(', ')}`);
  return rendered;
}

/** Debian installs nginx in /usr/sbin, which is not on a non-root PATH. */
export function nginxBinary(): string {
  const candidates = [
    process.env.NGINX_BIN,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, 'nginx')),
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there: the next place
    }
  }
  throw new Error('nginx is not installed (Debian: apt-get install nginx-light; or set NGINX_BIN)');
}

/** The test's own nginx.conf: everything nginx writes stays in `dir`, and it runs in the foreground. */
function mainConfig(dir: string, included: string): string {
  const temp = (name: string): string => path.join(dir, 'temp', name);
  // As root, nginx would switch its workers to "nobody", who cannot write in a private temp dir.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${included};
}
`;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export interface TestNginx {
  /** Its error log so far (start-up problems, upstream errors). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** Renders the deploy template into `dir`, checks the configuration (nginx -t) and starts nginx on loopback. */
export async function startNginx(dir: string, vars: NginxTemplateVars): Promise<TestNginx> {
  const binary = nginxBinary();
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  const rendered = path.join(dir, 'focalnet.conf');
  writeFileSync(rendered, renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), vars));
  const confFile = path.join(dir, 'nginx.conf');
  writeFileSync(confFile, mainConfig(dir, rendered));
  // -e: the error log before the configuration is read (the default path is /var/log/nginx, not writable by all).
  const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', confFile];
  let output = '';
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const errorLog = (): string => {
    try {
      return readFileSync(path.join(dir, 'error.log'), 'utf8') + output;
    } catch {
      return output;
    }
  };
  const deadline = Date.now() + 10_000;
  while (!(await portOpen(Number(vars.HTTPS_PORT.split(':').pop())))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${errorLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    errorLog,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // fast shutdown: the test is over, open connections may go
      await exited;
    },
  };
}
