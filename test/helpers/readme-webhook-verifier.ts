import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type VerifyFocalNetWebhook = (
  rawBody: string,
  signatureHeader: string,
  secret: string,
  nowMs?: number,
) => boolean;

/** The few lines of Node README.md documents for verifying a delivery, run exactly as written there. */
export async function readmeWebhookVerifier(): Promise<VerifyFocalNetWebhook> {
  const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const snippet = /<!-- verify-webhook:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-webhook:end -->/.exec(
    readme,
  )?.[1];
  if (!snippet) throw new Error('README.md has no verify-webhook snippet');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-readme-'));
  try {
    const file = path.join(dir, 'verify.mjs');
    writeFileSync(file, snippet);
    const module = (await import(pathToFileURL(file).href)) as { verifyFocalNetWebhook: VerifyFocalNetWebhook };
    return module.verifyFocalNetWebhook;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
