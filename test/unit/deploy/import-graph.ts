import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a module imports at run time: `import … from`, `export … from`, `import '…'`, `import('…')`; types are erased. */
const RUNTIME_IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The npm package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Every repository file and npm package reachable at run time from the entry files, following
 * relative imports (`./x.js` is the source `./x.ts`). Paths are relative to `root`.
 */
export function runtimeImports(root: string, entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const [, fromStatement, fromCall] of text.matchAll(RUNTIME_IMPORT)) {
      const specifier = fromStatement ?? fromCall ?? '';
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(packageOf(specifier));
        continue;
      }
      const target = path.posix.join(path.posix.dirname(file), specifier);
      const source = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target].find((candidate) =>
        existsSync(path.join(root, candidate)),
      );
      if (!source) throw new Error(`${file} imports ${specifier}, which is not there`);
      pending.push(source);
    }
  }
  return { files, packages };
}
