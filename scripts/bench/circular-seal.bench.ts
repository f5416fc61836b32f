/**
 * Circulars: sealing one circular for 100, 300, 500 and 1,000 recipients against sealing one
 * message for 28 (the network's states), in Node and in headless Chromium (the browser is where
 * an admin seals); and the server's acceptance of one 500-recipient circular (signature, audience,
 * policy per state, a copy per recipient) against a 28-recipient one.
 * Run: npx tsx scripts/bench/circular-seal.bench.ts
 */
import { generateUserKeys, type UserKeys } from '../../shared/crypto/keys.js';
import { sealEnvelope } from '../../shared/crypto/envelope-seal.js';
import type { Envelope } from '../../shared/crypto/envelope-format.js';
import type { Audience } from '../../shared/schemas/audience.js';
import type { Labels } from '../../shared/schemas/labels.js';
import { sealCircular } from '../../client/sdk/circulars/seal-circular.js';
import { seedFocalPoints } from '../../test/helpers/circulars.js';
import { startNetwork } from '../../test/helpers/network.js';
import { sdkAs } from '../../test/helpers/sdk-as-person.js';
import { startTestDatabase, stopTestDatabase } from '../../test/helpers/test-database.js';
import { withBundledPage } from './lib/bundled-page.js';
import { medianMs, sealInput } from './lib/circular-seal-input.js';
import { environmentLine, reportRatio } from './lib/stats.js';

const SIZES = [100, 300, 500, 1000];
const BASELINE = 28;
const ITERATIONS = 15;

console.log(
  `circular-seal: one circular for ${SIZES.join('/')} recipients vs one message for ${BASELINE}; median of ${ITERATIONS}`,
);
console.log(environmentLine());

// Node.
const nodeSeal = async (count: number, kind: 'message' | 'circular'): Promise<number> => {
  const input = await sealInput(generateUserKeys, count, kind);
  return medianMs(ITERATIONS, () => sealEnvelope(input));
};
const nodeBaseline = await nodeSeal(BASELINE, 'message');
for (const size of SIZES)
  reportRatio(`node seal ${size}`, await nodeSeal(size, 'circular'), nodeBaseline, 'ms', 'about size/28');

// Headless Chromium: the same code, bundled.
await withBundledPage('scripts/bench/lib/circular-seal-page.ts', async (page) => {
  const inPage = (count: number, kind: 'message' | 'circular'): Promise<number> =>
    page.evaluate(([n, k, i]) => globalThis.sealBench(n, k, i), [count, kind, ITERATIONS] as const);
  const browserBaseline = await inPage(BASELINE, 'message');
  for (const size of SIZES)
    reportRatio(`chromium seal ${size}`, await inPage(size, 'circular'), browserBaseline, 'ms', 'about size/28');
});

// The server's acceptance: 500 border focal points, 28 law-enforcement ones.
await startTestDatabase();
const net = await startNetwork({ states: { KZ: {}, RU: {} } });
try {
  await seedFocalPoints(net.t, { state: 'KZ', domains: ['border'], count: 250 });
  await seedFocalPoints(net.t, { state: 'RU', domains: ['border'], count: 250 });
  await seedFocalPoints(net.t, { state: 'KZ', domains: ['law-enforcement'], count: 14 });
  await seedFocalPoints(net.t, { state: 'RU', domains: ['law-enforcement'], count: 14 });
  const root = await sdkAs(net.t, net.root);
  const me: { userId: string; keys: UserKeys } = { userId: net.root.user.id, keys: net.root.keys };
  const accept = async (domain: 'border' | 'law-enforcement'): Promise<number> => {
    const audience: Audience = { kind: 'domain', domain };
    const labels: Labels = { domain, category: 'general', classification: 'restricted', handling: 'H1' };
    const preview = await root.circulars.preview(audience, labels);
    const envelopes: Envelope[] = [];
    for (let i = 0; i < ITERATIONS + 2; i++)
      envelopes.push(
        await sealCircular({
          me,
          senderState: preview.senderState,
          labels,
          recipients: preview.recipients,
          content: { subject: 'Bench', text: 'Bench' },
          ts: net.t.clock.now().getTime(),
        }),
      );
    const token = root.session.current()?.accessToken;
    const post = async (): Promise<void> => {
      const body = JSON.stringify({ audience, envelope: envelopes.pop() });
      const send = () =>
        fetch(`${net.t.url}/api/circulars`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
      // A keep-alive connection the server closed while this side was sealing resets once: send again (same msgId).
      const response = await send().catch(send);
      if (response.status !== 201) throw new Error(`not accepted: ${response.status} ${await response.text()}`);
    };
    return medianMs(ITERATIONS, post);
  };
  const small = await accept('law-enforcement');
  reportRatio('server accepts 500', await accept('border'), small, 'ms', 'well under 500/28');
} finally {
  await net.stop();
  await stopTestDatabase();
}
