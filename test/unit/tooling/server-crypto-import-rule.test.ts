import { expect } from 'chai';
import { ESLint } from 'eslint';

/** The import rule that keeps key handling and decryption out of the server (house style, habit 2). */
describe('ESLint: the server never imports client-side key handling or decryption', function () {
  this.timeout(60_000);
  const eslint = new ESLint();
  const lintServerFile = async (code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: 'server/modules/example.ts' });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  for (const module of [
    'envelope-open',
    'envelope-seal',
    'key-wrap',
    'keys',
    'recovery-key',
    'attachment-stream',
    'policy-sign',
    'liveness-sign',
  ]) {
    it(`refuses shared/crypto/${module}`, async () => {
      const messages = await lintServerFile(
        `import * as x from '../../shared/crypto/${module}.js';\nexport const y = x;\n`,
      );
      expect(messages, module).to.have.length(1);
      expect(messages[0]).to.contain('never decrypts');
    });
  }

  for (const module of [
    'verify-envelope',
    'verify-key-bundle',
    'envelope-format',
    'encoding',
    'canonical-json',
    'sodium',
    'safety-number',
  ]) {
    it(`allows shared/crypto/${module}`, async () => {
      expect(
        await lintServerFile(`import * as x from '../../shared/crypto/${module}.js';\nexport const y = x;\n`),
      ).to.deep.equal([]);
    });
  }
});
