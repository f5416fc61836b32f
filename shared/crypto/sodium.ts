// The default import works under tsx/ESM in Node and under Vite: libsodium-wrappers-sumo 0.8
// ships an ESM build with `export default` and its own .d.mts types, which the package's
// "exports" map selects (they take precedence over the older @types/libsodium-wrappers-sumo).
// The sumo build is required: the standard one lacks crypto_pwhash.
import sodium from 'libsodium-wrappers-sumo';

/** The libsodium API object, usable once `getSodium()` has resolved. */
export type Sodium = typeof sodium;

let ready: Promise<Sodium> | undefined;

/** Resolves to libsodium once its WebAssembly module is initialised (awaited once, then cached). */
export function getSodium(): Promise<Sodium> {
  ready ??= sodium.ready.then(() => sodium);
  return ready;
}
