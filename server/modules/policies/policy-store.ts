import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import { compilePolicy, type CompiledPolicy } from '../../../shared/policy/index.js';
import { PolicyBody } from '../../../shared/schemas/policy.js';
import type { PolicyVersionMeta, PolicyVersionStore } from './ports.js';
import { DATABASE_CALL_DEADLINE_MS, withDeadline } from '../../system/deadline.js';

/** A stored version, checked and ready: its body parsed and compiled for the engine. */
export interface LoadedPolicy {
  meta: PolicyVersionMeta;
  body: PolicyBody;
  compiled: CompiledPolicy;
}

export interface PolicyStore {
  /**
   * The policies in force for `states` (every state when omitted); states without one are absent.
   * Asks the database on every call whether a newer version is in force, so a version published
   * on another server node applies at once; bodies are parsed and compiled once per (state, version).
   */
  current(states?: readonly string[]): Promise<Map<string, LoadedPolicy>>;
  /** One version, in force or not (not cached: history is read rarely). */
  version(state: string, version: number): Promise<LoadedPolicy | undefined>;
}

/**
 * Parses, re-checks and compiles a stored version. A body that is not exactly what was signed,
 * or a signature that no longer verifies, means the database was edited behind the server's
 * back: refuse to use it (fail closed) rather than enforce an unsigned policy.
 */
async function load(repository: PolicyVersionStore, state: string, version: number): Promise<LoadedPolicy | undefined> {
  const stored = await repository.findVersion(state, version);
  if (!stored) return undefined;
  const body = PolicyBody.parse(JSON.parse(stored.bodyJson));
  const intact =
    canonicalJson(body) === stored.bodyJson &&
    body.state === state &&
    body.version === version &&
    (await verifyPolicySignature(body, stored.signature, stored.signerIdentityKey)) &&
    // A second signature, when stored, must verify too: a forged one would claim a co-signer.
    (!stored.cosignature ||
      (await verifyPolicySignature(body, stored.cosignature.signature, stored.cosignature.signerIdentityKey)));
  if (!intact) throw new Error(`stored policy ${state} v${version} does not match its signature: refusing to use it`);
  const { bodyJson: _bodyJson, ...meta } = stored;
  return { meta, body, compiled: compilePolicy(body) };
}

export function createPolicyStore(repository: PolicyVersionStore): PolicyStore {
  // The version in force last seen per state (0: none). Versions go in force in sequence, so
  // "is version + 1 in force now?" is the whole check: one lookup by `_id` per state.
  const known = new Map<string, number>();
  // One entry per state, replaced when a newer version is in force: memory stays bounded by the
  // number of states. Promises, so concurrent callers share one load.
  const cache = new Map<string, { version: number; loaded: Promise<LoadedPolicy> }>();

  const inForce = (state: string, version: number): Promise<LoadedPolicy> => {
    const cached = cache.get(state);
    if (cached?.version === version) return cached.loaded;
    // Bounded: every decision for this state shares this load.
    const loaded = withDeadline(load(repository, state, version), DATABASE_CALL_DEADLINE_MS, 'loading a policy').then(
      (policy) => {
        if (!policy) throw new Error(`policy ${state} v${version} is in force but not stored`);
        return policy;
      },
    );
    cache.set(state, { version, loaded });
    // A failed load is not remembered: the next call tries again.
    loaded.catch(() => {
      if (cache.get(state)?.loaded === loaded) cache.delete(state);
    });
    return loaded;
  };

  const learn = (state: string, version: number): void => {
    known.set(state, Math.max(version, known.get(state) ?? 0));
  };

  const versionsInForce = async (states: readonly string[]): Promise<Map<string, number>> => {
    const unseen = states.filter((state) => !known.has(state));
    if (unseen.length > 0) {
      const found = await repository.currentVersions(unseen);
      for (const state of unseen) learn(state, found.get(state) ?? 0);
    }
    await Promise.all(
      states
        .filter((state) => !unseen.includes(state))
        .map(async (state) => {
          let version = known.get(state) ?? 0;
          while (await repository.isInForce(state, version + 1)) version += 1;
          learn(state, version);
        }),
    );
    return new Map(
      states.flatMap((state) => {
        const version = known.get(state) ?? 0;
        return version > 0 ? [[state, version] as const] : [];
      }),
    );
  };

  return {
    async current(states) {
      const versions = states ? await versionsInForce([...new Set(states)]) : await repository.currentVersions();
      const entries = await Promise.all(
        [...versions].map(async ([state, version]) => [state, await inForce(state, version)] as const),
      );
      return new Map(entries);
    },
    version: (state, version) => load(repository, state, version),
  };
}
