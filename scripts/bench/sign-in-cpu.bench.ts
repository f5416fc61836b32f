/**
 * Sign-in CPU on the server (quality.md: "sign-in — server CPU per sign-in no higher than an
 * argon2id verify").
 *
 * Baseline, same run: argon2id verify of the password as sign-in did before OPAQUE (the argon2
 * binding's defaults, 64 MiB, t=3, p=4; CPU of every thread, as the binding hashes in the pool).
 * Measured: the server's side of one OPAQUE login, both round trips — the start (KE2 from the
 * record, the flow state sealed) and the finish (the flow opened, KE3 checked). The client's parts
 * (its argon2id stretching among them) run outside the measured spans: they cost the browser, not
 * the server. The flow's single-use claim is one database insert, left out of both sides like the
 * user look-up that both have. Warm-up, three repeats, median. Run: npx tsx scripts/bench/sign-in-cpu.bench.ts
 */
import * as opaque from '@serenity-kit/opaque';
import argon2 from 'argon2';
import { startOpaqueLogin, startOpaqueRegistration, stretchingFor } from '../../client/sdk/opaque-client.js';
import { opaqueFlows } from '../../server/modules/accounts/opaque-flows.js';
import type { ClaimsRepository } from '../../server/db/repositories/claims.repository.js';
import { environmentLine, medianOf, reportRatio } from './lib/stats.js';

const PASSWORD = 'bench-harbour-lantern-2026-x';
const VERIFIES = 12;
const LOGINS = 60;
const REPEATS = 3;

const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function argon2VerifyCpuMs(hash: string): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < VERIFIES; i++) {
    if (!(await argon2.verify(hash, PASSWORD))) throw new Error('baseline verify failed');
  }
  return cpuMs(start) / VERIFIES;
}

async function opaqueLoginCpuMs(setup: string, record: string): Promise<number> {
  const claims = { claim: async () => true } as unknown as ClaimsRepository;
  const flows = opaqueFlows(setup, 'bench-secret-of-at-least-32-characters!!', claims);
  const stretching = stretchingFor({ opsLimit: 1, memLimit: 8192 });
  let serverMs = 0;
  for (let i = 0; i < LOGINS; i++) {
    const login = await startOpaqueLogin(PASSWORD); // client
    let start = process.cpuUsage();
    const { loginResponse, serverLoginState } = flows.startLogin('bench-user', record, login.startLoginRequest);
    const flowId = flows.seal(
      { purpose: 'sign-in', username: 'bench-user', userId: 'u', serverLoginState, subject: null },
      new Date(),
    );
    serverMs += cpuMs(start);
    const finished = await login.finish(loginResponse, stretching); // client
    if (!finished) throw new Error('login failed');
    start = process.cpuUsage();
    const flow = await flows.consume(flowId, 'sign-in', new Date());
    if (!flow.serverLoginState || !flows.finishLogin(flow.serverLoginState, finished.finishLoginRequest))
      throw new Error('finish failed');
    serverMs += cpuMs(start);
  }
  return serverMs / LOGINS;
}

await opaque.ready;
const setup = opaque.server.createSetup();
const registration = await startOpaqueRegistration(PASSWORD);
const { registrationResponse } = opaque.server.createRegistrationResponse({
  serverSetup: setup,
  userIdentifier: 'bench-user',
  registrationRequest: registration.registrationRequest,
});
const { registrationRecord } = await registration.finish(
  registrationResponse,
  stretchingFor({ opsLimit: 1, memLimit: 8192 }),
);
const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });

// Warm-up: JIT, the WASM module, argon2's pool threads.
await argon2VerifyCpuMs(hash);
await opaqueLoginCpuMs(setup, registrationRecord);

const baseline: number[] = [];
const measured: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  baseline.push(await argon2VerifyCpuMs(hash));
  measured.push(await opaqueLoginCpuMs(setup, registrationRecord));
}
console.log(`argon2id verify (before OPAQUE), per sign-in: ${baseline.map((v) => v.toFixed(2)).join(' / ')} ms CPU`);
console.log(`OPAQUE login, server side of both round trips: ${measured.map((v) => v.toFixed(3)).join(' / ')} ms CPU`);
reportRatio('server CPU per sign-in', medianOf(measured), medianOf(baseline), 'ms', '≤ 1.00 × the argon2id verify');
console.log(environmentLine());
if (medianOf(measured) > medianOf(baseline)) process.exitCode = 1;
