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
  const verdict = await verifySegments(modules.auditEntries.allSegments(), { logKey: key.publicKey, keepLeaves: true });
  const lines: string[] = [];
  if (!verdict.ok) {
    lines.push(
      `audit log BROKEN at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason} (${verdict.checked} entries in ${verdict.segments} segments before it are intact)`,
    );
    return { code: 1, report: lines.join('\n') };
  }
  lines.push(
    `audit log intact: ${verdict.checked} entries in ${verdict.segments} segments, every root recomputed and every head signed by the log key ${key.publicKey}; root ${verdict.root}`,
  );
  const identityKeys = async (userId: string): Promise<string[]> => {
    const user = await users.findById(userId);
    return user ? [...(user.keys ? [user.keys.identityKey] : []), ...user.keyHistory.map((k) => k.identityKey)] : [];
  };
  const witnessCheck = await badWitnesses(witnesses.all(), verdict.leaves, identityKeys);
  lines.push(`witness co-signatures checked: ${witnessCheck.checked}`);
  let code = 0;
  for (const problem of witnessCheck.problems) {
    lines.push(`  BAD WITNESS: ${problem}`);
    code = 1;
  }
  if (saved) {
    const signed = await verifyTreeHeadSignature(saved.head, key.publicKey);
    const mismatch = await extendsHead(verdict.leaves, saved.head);
    if (mismatch) {
      lines.push(`saved head ${saved.file} (${saved.head.size} entries) FAILS: ${mismatch}`);
      code = 1;
    } else {
      lines.push(
        `saved head ${saved.file}: the log extends it (${saved.head.size} entries, root ${saved.head.root}${signed ? ', signed by the log key' : ', NOT signed by the current log key'})`,
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
