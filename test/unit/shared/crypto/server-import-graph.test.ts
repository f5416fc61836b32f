import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CRYPTO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/crypto');
/** Mirrors the server allow-list in eslint.config.js. */
const SERVER_SAFE = /^(verify-.*|sodium|encoding|canonical-json|.*-format|safety-number|errors)\.ts$/;

function localImports(file: string): string[] {
  const source = readFileSync(path.join(CRYPTO_DIR, file), 'utf8');
  return [...source.matchAll(/from '\.\/([^']+)\.js'/g)].map((match) => `${match[1]}.ts`);
}

/**
 * ESLint checks the server's direct imports; this checks what those files import in turn, so a
 * signature check can never drag key handling or decryption into the server.
 */
describe('shared/crypto server-safe import graph', () => {
  it('server-safe files import only server-safe files, transitively', () => {
    const safe = readdirSync(CRYPTO_DIR).filter((file) => SERVER_SAFE.test(file));
    expect(safe).to.include.members([
      'verify-envelope.ts',
      'verify-key-bundle.ts',
      'envelope-format.ts',
      'wrapped-keys-format.ts',
    ]);
    const seen = new Set<string>();
    const queue = [...safe];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const imported of localImports(file)) {
        expect(imported, `${file} imports ${imported}`).to.match(SERVER_SAFE);
        queue.push(imported);
      }
    }
  });
});
