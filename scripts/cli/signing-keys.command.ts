import { logKeyHistory } from '../../server/modules/server-keys/server-keys.js';
import type { Modules } from '../../server/composition/modules.js';

/** `signing-keys`: the generations of the server's signing keys, and whether each was endorsed. */
export async function signingKeysCommand(modules: Modules): Promise<{ code: number; report: string }> {
  const generations = await modules.serverKeys.generations.all();
  if (generations.length === 0)
    return { code: 0, report: 'no signing keys recorded yet: the server records them at its first start' };
  // One read of the record: the history is checked from the generations just listed.
  const history = await logKeyHistory(generations, modules.auditLog.key.publicKey);
  const lines = generations.map((g) => {
    const how =
      g.generation === 1
        ? 'first recorded'
        : g.replacedBecause !== undefined
          ? `replaced WITHOUT endorsement ("${g.replacedBecause}")`
          : 'renewed, endorsed by the generation before';
    return `generation ${g.generation} since ${g.since.toISOString()}: ${how}\n  directory key ${g.directoryKey}\n  audit log key ${g.auditLogKey}`;
  });
  for (const problem of history.problems) lines.push(`KEY RECORD CHANGED: ${problem}`);
  const configured = modules.auditLog.key.publicKey;
  const latest = generations[generations.length - 1];
  if (latest && latest.auditLogKey !== configured)
    lines.push(
      `the configured signing secret gives another audit log key (${configured}): a server would refuse to start with it`,
    );
  return { code: history.problems.length > 0 ? 1 : 0, report: lines.join('\n') };
}

/**
 * `signing-keys:replace --reason <text>`: after the keys in force leaked, records the configured
 * keys as the next generation without their endorsement. Every member's client will report the
 * new audit log key as it would tampering: tell the member states first (docs/deployment.md).
 */
export async function replaceSigningKeysCommand(modules: Modules, args: string[]): Promise<string> {
  const at = args.indexOf('--reason');
  const reason = at === -1 ? undefined : args[at + 1]?.trim();
  if (!reason || args.length !== 2)
    throw new Error('usage: npm run cli -- signing-keys:replace --reason "<why the keys in force cannot be used>"');
  if (reason.length > 300) throw new Error('the reason is longer than 300 characters');
  await modules.serverKeys.replace(reason);
  const recorded = await modules.serverKeys.generations.latest();
  return [
    `key generation ${recorded?.generation} recorded: directory key ${recorded?.directoryKey}, audit log key ${recorded?.auditLogKey}`,
    'it is NOT endorsed by the keys it replaces: each member will be told their client could not trace the new audit log key.',
    'Send the member states the new keys through a channel outside FocalNet, then start the nodes.',
  ].join('\n');
}
