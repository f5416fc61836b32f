import { signPolicy } from '../../shared/crypto/policy-sign.js';
import type { FullPolicyView } from '../../shared/schemas/policy-api.js';
import type { DefaultEffect, PolicyBody, PolicyRule } from '../../shared/schemas/policy.js';
import type { TestPerson } from './accounts.js';
import { call, type ApiResult } from './api.js';
import type { TestServer } from './test-server.js';

export type RuleSpec = Omit<PolicyRule, 'legalBasis'> & { legalBasis?: PolicyRule['legalBasis'] };

/** A rule with a placeholder legal basis unless one is given. */
export function rule(spec: RuleSpec): PolicyRule {
  return { legalBasis: { en: `Law on ${spec.id}, art. 1` }, ...spec };
}

export function policyBody(
  state: string,
  version: number,
  rules: RuleSpec[],
  defaultEffect: DefaultEffect = 'allow',
): PolicyBody {
  return { state, version, defaultEffect, rules: rules.map(rule) };
}

/** Signs `body` as the admin's browser would (or with `signWith`) and posts it; answers the raw result. */
export async function submitPolicy(
  t: TestServer,
  admin: TestPerson,
  body: PolicyBody,
  options: { signWith?: Uint8Array; path?: string } = {},
): Promise<ApiResult<FullPolicyView>> {
  const signed = await signPolicy(body, options.signWith ?? admin.keys.identity.privateKey);
  return call<FullPolicyView>(t.url, 'POST', options.path ?? `/api/policies/${body.state}/versions`, {
    token: admin.session?.accessToken,
    body: signed,
  });
}

/** Publishes a version that must be accepted. */
export async function publishPolicy(t: TestServer, admin: TestPerson, body: PolicyBody): Promise<FullPolicyView> {
  const response = await submitPolicy(t, admin, body);
  if (response.status !== 201)
    throw new Error(`publishing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
