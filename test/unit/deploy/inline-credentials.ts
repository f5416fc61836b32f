/** Flags whose next word is a password (mongosh/mongodump, redis-cli, redis-server, a redis.conf line). */
const PASSWORD_FLAGS = new Set(['-p', '--password', '-a', '--pass', '--requirepass', 'requirepass', '--masterauth']);

/** A shell assignment to a variable whose name says it holds a secret (`REDISCLI_AUTH=…`). */
const SECRET_ASSIGNMENT = /^([A-Z0-9_]*(AUTH|PASSWORD|PASSWD|SECRET|TOKEN)[A-Z0-9_]*)=(.+)$/;

/**
 * A value the container reads at run time: a shell expansion, which compose needs escaped
 * (`$$(cat /run/secrets/…)`). Not a compose interpolation (`${VAR}`): that would be a password in
 * .env or the operator's environment.
 */
const fromElsewhere = (word: string): boolean => /^["']?\$\$/.test(word);

/**
 * The credentials written into a command, an entrypoint or a health check: a URI with a password
 * (`scheme://user:password@`), a password flag followed by a literal, or a literal assigned to a
 * variable named like a secret. Each string is split into
 * words, so a `sh -c` script is checked as well as an argument list.
 */
export function inlineCredentials(parts: readonly string[]): string[] {
  const found: string[] = [];
  const words = parts.flatMap((part) => part.split(/\s+/)).filter((word) => word !== '');
  words.forEach((word, i) => {
    const uriPassword = /[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:([^/@\s]+)@/i.exec(word)?.[1];
    if (uriPassword !== undefined && !fromElsewhere(uriPassword)) found.push(`credentials in a URI: ${word}`);
    const assigned = SECRET_ASSIGNMENT.exec(word);
    if (assigned?.[3] && !fromElsewhere(assigned[3]) && !assigned[3].startsWith('/run/secrets/')) {
      found.push(`a secret assigned to ${assigned[1]}`);
    }
    const [flag, attached] = word.split('=', 2);
    const value = attached ?? words[i + 1];
    if (flag && PASSWORD_FLAGS.has(flag) && value !== undefined && !fromElsewhere(value)) {
      found.push(`a password after ${flag}`);
    }
  });
  return found;
}
