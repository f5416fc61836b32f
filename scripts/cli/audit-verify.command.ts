import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignedTreeHead, verifyTreeHeadSignature } from '../../shared/audit/tree-head.js';
import type { Modules } from '../../server/composition/modules.js';
import { badWitnesses, extendsHead, verifySegments } from '../../server/modules/audit/verify-log.js';

/**
 * `audit:verify [--head <file.json>]`: walks the whole log (segment numbers, entry numbers, each
 * segment's frontier and root recomputed from its entries, each head's signature), checks every
 * witness co-signature, and with `--head` checks the log still extends a head saved elsewhere.
 */
export async function auditVerifyCommand(modules: Modules, args: string[]): Promise<{ code: number; report: string }> {
  const saved = await savedHead(args);
  const { key, witnesses, users } = modules.auditLog;
  const history = await modules.serverKeys.history();
  const verdict = await verifySegments(modules.auditEntries.allSegments(), { logKeys: history.keys, keepLeaves: true });
  const lines: string[] = [];
  if (!verdict.ok) {
    lines.push(
      `audit log BROKEN at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason} (${verdict.checked} entries in ${verdict.segments} segments before it are intact)`,
    );
    return { code: 1, report: lines.join('\n') };
  }
  const keys =
    history.keys.length > 1
      ? `the log key in force when it was signed (${history.keys.length} generations, now ${key.publicKey})`
      : `the log key ${key.publicKey}`;
  lines.push(
    `audit log intact: ${verdict.checked} entries in ${verdict.segments} segments, every root recomputed and every head signed by ${keys}; root ${verdict.root}`,
  );
  let code = 0;
  for (const problem of history.problems) {
    lines.push(`  KEY RECORD CHANGED: ${problem}`);
    code = 1;
  }
  for (const replaced of history.replacements)
    lines.push(
      `  note: key generation ${replaced.generation} replaced the keys without their endorsement on ${replaced.since.toISOString()} ("${replaced.reason}"); members' clients reported it`,
    );
  const identityKeys = async (userId: string): Promise<string[]> => {
    const user = await users.findById(userId);
    return user ? [...(user.keys ? [user.keys.identityKey] : []), ...user.keyHistory.map((k) => k.identityKey)] : [];
  };
  const witnessCheck = await badWitnesses(witnesses.all(), verdict.leaves, identityKeys);
  lines.push(`witness co-signatures checked: ${witnessCheck.checked}`);
  for (const problem of witnessCheck.problems) {
    lines.push(`  BAD WITNESS: ${problem}`);
    code = 1;
  }
  if (saved) {
    const signed = (await Promise.all(history.keys.map((k) => verifyTreeHeadSignature(saved.head, k)))).some(Boolean);
    const mismatch = await extendsHead(verdict.leaves, saved.head);
    if (mismatch) {
      lines.push(`saved head ${saved.file} (${saved.head.size} entries) FAILS: ${mismatch}`);
      code = 1;
    } else {
      lines.push(
        `saved head ${saved.file}: the log extends it (${saved.head.size} entries, root ${saved.head.root}${signed ? ', signed by a log key of this deployment' : ', NOT signed by any log key of this deployment'})`,
      );
    }
  }
  return { code, report: lines.join('\n') };
}

async function savedHead(args: string[]): Promise<{ file: string; head: SignedTreeHead } | undefined> {
  const at = args.indexOf('--head');
  if (at === -1) {
    if (args.length > 0) throw new Error('usage: npm run cli -- audit:verify [--head <file.json>]');
    return undefined;
  }
  const name = args[at + 1];
  if (!name || args.length !== 2) throw new Error('usage: npm run cli -- audit:verify [--head <file.json>]');
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), name);
  const parsed = SignedTreeHead.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a signed tree head ({ size, root, at, signature })`);
  return { file, head: parsed.data };
}
