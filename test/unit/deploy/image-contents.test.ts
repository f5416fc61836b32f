import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyFrom, copyPaths, instructionsOf, parseDockerfile } from './dockerfile-stages.js';
import { runtimeImports } from './import-graph.js';
import { readRepoFile, REPO_ROOT } from './repo-files.js';

/** What the image runs: the server, and the command line operators use in it (backup, bootstrap…). */
const ENTRIES = ['server/main.ts', 'scripts/cli.ts'];

describe('the image holds what the server and the CLI import', () => {
  const { stages } = parseDockerfile(readRepoFile('Dockerfile'));
  const app = stages.find((s) => s.name === 'app');
  const copied = instructionsOf(app ?? { name: '', from: '', instructions: [] }, 'COPY')
    .filter((c) => copyFrom(c) === null)
    .flatMap((c) => copyPaths(c).sources);
  const { files, packages } = runtimeImports(REPO_ROOT, ENTRIES);
  const manifest = JSON.parse(readRepoFile('package.json')) as { dependencies: Record<string, string> };

  it('copies every source file they reach into the image', () => {
    expect(files.size).to.be.above(100);
    const inImage = (file: string): boolean =>
      copied.some((source) => file === source || file.startsWith(`${source.replace(/\/$/, '')}/`));
    expect([...files].filter((file) => !inImage(file))).to.deep.equal([]);
  });

  it('needs only production dependencies (the image has no devDependencies)', () => {
    expect(packages).to.include.members(['express', 'mongoose', 'socket.io']);
    expect([...packages].filter((name) => !(name in manifest.dependencies))).to.deep.equal([]);
  });

  describe('reading imports', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'focalnet-imports-'));
      mkdirSync(path.join(root, 'lib'));
      writeFileSync(
        path.join(root, 'main.ts'),
        [
          "import type { Only } from 'types-only';",
          'import {',
          '  a,',
          '  b,',
          "} from './lib/a.js';",
          "export { c } from '@scope/pkg/sub';",
          "import 'side-effect';",
          "const later = await import('./lib/b.js');",
          "import { readFileSync } from 'node:fs';",
        ].join('\n'),
      );
      writeFileSync(path.join(root, 'lib', 'a.ts'), "import { z } from 'zod';\n");
      writeFileSync(path.join(root, 'lib', 'b.ts'), 'export const b = 1;\n');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('follows multi-line, re-exported, side-effect and dynamic imports, and skips type-only ones', () => {
      const found = runtimeImports(root, ['main.ts']);
      expect([...found.files]).to.have.members(['main.ts', 'lib/a.ts', 'lib/b.ts']);
      expect([...found.packages]).to.have.members(['zod', '@scope/pkg', 'side-effect']);
    });
  });
});
