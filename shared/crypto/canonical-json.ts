import { CryptoError } from './errors.js';
import { utf8Encode } from './encoding.js';

/** A value that survives JSON serialisation unchanged. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Walk state: objects on the current path (cycle check) and the path itself, for error messages. */
interface Walk {
  readonly ancestors: object[];
  readonly path: (string | number)[];
}

function fail(walk: Walk, reason: string): never {
  const where = walk.path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('') || '(root)';
  throw new CryptoError('crypto.malformed', `canonical JSON: ${reason} at ${where}`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, walk: Walk): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(walk, 'non-finite number');
      // ECMAScript's shortest round-trip form, as in RFC 8785; -0 becomes 0.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return fail(walk, `unsupported ${typeof value}`);
  }
  if (walk.ancestors.includes(value)) fail(walk, 'cycle');
  walk.ancestors.push(value);
  const out: string[] = [];
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let i = 0; i < items.length; i++) {
      walk.path.push(i);
      const item = items[i];
      out.push(item === undefined ? fail(walk, 'undefined') : write(item, walk));
      walk.path.pop();
    }
  } else {
    if (!isPlainObject(value)) fail(walk, 'not a plain object');
    // Default sort compares UTF-16 code units, the order RFC 8785 prescribes.
    for (const key of Object.keys(value).sort()) {
      const member: unknown = Reflect.get(value, key);
      // Omitted like JSON.stringify does, so a value and its JSON round trip hash the same.
      if (member === undefined) continue;
      walk.path.push(key);
      out.push(`${JSON.stringify(key)}:${write(member, walk)}`);
      walk.path.pop();
    }
  }
  walk.ancestors.pop();
  return Array.isArray(value) ? `[${out.join(',')}]` : `{${out.join(',')}}`;
}

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, object members
 * whose value is `undefined` omitted. Rejects non-finite numbers, `undefined` in arrays or at
 * the root, bigint/function/symbol values, cycles and non-plain objects (Date, Map, Uint8Array…).
 * @throws CryptoError 'crypto.malformed'
 */
export function canonicalJson(value: unknown): string {
  return write(value, { ancestors: [], path: [] });
}

/** UTF-8 bytes of `canonicalJson(value)`. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalJson(value));
}
