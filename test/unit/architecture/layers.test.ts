import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The layers drawn in eslint.config.js are enforced by the lint: a file that imports across a
 * line it may not cross fails `boundaries/dependencies`. Linted as text under a made-up path,
 * so nothing is written to the tree.
 */
describe('architecture: server layers are a lint rule', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: ROOT });

  async function ruleIds(filePath: string, code: string): Promise<Array<string | null>> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((message) => message.ruleId);
  }

  it('a module that imports from server/db fails', async () => {
    const code =
      "import type { UsersRepository } from '../../db/repositories/users.repository.js';\nexport type Users = UsersRepository;\n";
    expect(await ruleIds('server/modules/accounts/layer-probe.ts', code)).to.include('boundaries/dependencies');
  });

  it('an http file that imports from server/db fails', async () => {
    const code =
      "import { MessagesRepository } from '../db/repositories/messages.repository.js';\nexport const Messages = MessagesRepository;\n";
    expect(await ruleIds('server/http/layer-probe.ts', code)).to.include('boundaries/dependencies');
  });

  it('realtime and http do not import each other', async () => {
    const fromRealtime = "import { defineRoute } from '../http/define-route.js';\nexport const probe = defineRoute;\n";
    const fromHttp = "import { serveEvents } from '../realtime/gateway.js';\nexport const probe = serveEvents;\n";
    expect(await ruleIds('server/realtime/layer-probe.ts', fromRealtime)).to.include('boundaries/dependencies');
    expect(await ruleIds('server/http/layer-probe.ts', fromHttp)).to.include('boundaries/dependencies');
  });

  it("a module that imports shared code, another module's ports and server/system passes", async () => {
    const code = [
      "import { AppError } from '../../../shared/errors.js';",
      "import type { User } from '../accounts/ports/users.js';",
      "import type { Clock } from '../../system/clock.js';",
      "export const probe = (user: User, clock: Clock): AppError => new AppError('internal', `${user.id} ${clock.now().toISOString()}`);",
      '',
    ].join('\n');
    expect(await ruleIds('server/modules/messaging/layer-probe.ts', code)).to.deep.equal([]);
  });

  it('any layer may record through server/observability, which imports no layer above system', async () => {
    const fromModule =
      "import { currentRequestId } from '../../observability/request-context.js';\nexport const probe = currentRequestId;\n";
    const fromObservability =
      "import type { User } from '../modules/accounts/ports/users.js';\nexport type Probe = User;\n";
    expect(await ruleIds('server/modules/audit/layer-probe.ts', fromModule)).to.deep.equal([]);
    expect(await ruleIds('server/observability/layer-probe.ts', fromObservability)).to.include(
      'boundaries/dependencies',
    );
  });
});
