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

/** Thrown by the fast writer when a value needs the full walk (to reject it with its path). */
const NEEDS_WALK = Symbol('needs walk');
/** Deeper than this the fast writer hands over to the walk, which tells a cycle from depth. */
const FAST_MAX_DEPTH = 64;
/** Object keys as JSON strings; the few keys of the formats repeat on every call. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 256;

function quoted(key: string): string {
  let json = quotedKeys.get(key);
  if (json === undefined) {
    json = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, json);
  }
  return json;
}

/** Sorts in place by UTF-16 code units (as the default sort does); insertion sort for the few keys an object usually has. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * The same output as `write` for every value `write` accepts, without tracking the path or the
 * ancestors: the server canonicalises every envelope header, so this is on the hot path.
 * Anything `write` might reject (and anything very deep) throws NEEDS_WALK instead.
 */
function writeFast(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw NEEDS_WALK;
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'object' || depth > FAST_MAX_DEPTH) throw NEEDS_WALK;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === undefined) throw NEEDS_WALK;
      if (i > 0) out += ',';
      out += writeFast(item, depth + 1);
    }
    return `${out}]`;
  }
  if (!isPlainObject(value)) throw NEEDS_WALK;
  const keys = sortKeys(Object.keys(value));
  let out = '{';
  for (const key of keys) {
    const member: unknown = Reflect.get(value, key);
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quoted(key)}:${writeFast(member, depth + 1)}`;
  }
  return `${out}}`;
}

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, object members
 * whose value is `undefined` omitted. Rejects non-finite numbers, `undefined` in arrays or at
 * the root, bigint/function/symbol values, cycles and non-plain objects (Date, Map, Uint8Array…).
 * @throws CryptoError 'crypto.malformed'
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeFast(value, 0);
  } catch (error) {
    if (error !== NEEDS_WALK) throw error;
    return write(value, { ancestors: [], path: [] });
  }
}

/** UTF-8 bytes of `canonicalJson(value)`. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalJson(value));
}
