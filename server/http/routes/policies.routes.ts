import { z } from 'zod';
import {
  CurrentPolicyView,
  FullPolicyView,
  PolicyDiffQuery,
  PolicyDiffView,
  PolicyVersionSummary,
  PublishedPolicyView,
  PublishPolicyRequest,
  StateParams,
  StateVersionParams,
} from '../../../shared/schemas/policy-api.js';
import {
  CosignPolicyRequest,
  PolicySigningView,
  SetPolicySigningRequest,
} from '../../../shared/schemas/policy-cosign.js';
import { listAwaitingVersions } from '../../modules/policies/awaiting-versions.js';
import { cosignPolicy } from '../../modules/policies/cosign-policy.js';
import { readPolicySigning, setPolicySigning } from '../../modules/policies/policy-signing.js';
import { publishPolicy } from '../../modules/policies/publish-policy.js';
import {
  currentPolicy,
  diffPolicyVersions,
  getPolicyVersion,
  listPolicyVersions,
  publishedPolicies,
} from '../../modules/policies/read-policies.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

export function policyRoutes({ router, registry, policies, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies',
    auth: authn,
    tag: 'policies',
    summary: "The published rules of every state's policy in force: what each state declares it restricts.",
    response: z.array(PublishedPolicyView),
    errors: [401, 403],
    handler: async ({ req }) => publishedPolicies(policies, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state',
    auth: authn,
    tag: 'policies',
    summary:
      "A state's policy in force: in full (signed) for that state's own people, its published rules for everyone else.",
    params: StateParams,
    response: CurrentPolicyView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) => currentPolicy(policies, await authn.actor(req), params.state),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state/versions',
    auth: authn,
    tag: 'policies',
    summary: "Every version of your state's policy: who signed it, when, how many rules (national admins).",
    params: StateParams,
    response: z.array(PolicyVersionSummary),
    errors: [400, 401, 403],
    handler: async ({ params, req }) => listPolicyVersions(policies, await authn.actor(req), params.state),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/policies/:state/versions',
    auth: authn,
    tag: 'policies',
    summary:
      "Publish the next version of your state's policy, signed with your identity key (version = current + 1). Where the state requires two signatures it waits for a second national admin's (`awaitingCosignature`).",
    params: StateParams,
    body: PublishPolicyRequest,
    response: FullPolicyView,
    status: 201,
    errors: [400, 401, 403, 409],
    handler: async ({ params, body, req }) => publishPolicy(policies, await authn.actor(req), params.state, body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state/versions/:version',
    auth: authn,
    tag: 'policies',
    summary: "One version of your state's policy, in full with its signature (national admins).",
    params: StateVersionParams,
    response: FullPolicyView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, req }) =>
      getPolicyVersion(policies, await authn.actor(req), params.state, params.version),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state/diff',
    auth: authn,
    tag: 'policies',
    summary: "What changed between two versions of your state's policy, rule by rule (national admins).",
    params: StateParams,
    query: PolicyDiffQuery,
    response: PolicyDiffView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, query, req }) =>
      diffPolicyVersions(policies, await authn.actor(req), params.state, query.from, query.to),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state/awaiting',
    auth: authn,
    tag: 'policies',
    summary:
      "The version of your state's policy waiting for a second national admin's signature, with who signed it and when it expires (national admins).",
    params: StateParams,
    response: z.array(FullPolicyView),
    errors: [400, 401, 403],
    handler: async ({ params, req }) => listAwaitingVersions(policies, await authn.actor(req), params.state),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/policies/:state/versions/:version/cosignature',
    auth: authn,
    tag: 'policies',
    summary:
      'Co-sign the version waiting for a second signature, with your identity key over the same signed bytes; it is then in force. A different national admin of the state than the first signer.',
    params: StateVersionParams,
    body: CosignPolicyRequest,
    response: FullPolicyView,
    status: 201,
    errors: [400, 401, 403, 404, 409, 410],
    handler: async ({ params, body, req }) =>
      cosignPolicy(policies, await authn.actor(req), params.state, params.version, body.signature),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/policies/:state/signing',
    auth: authn,
    tag: 'policies',
    summary: "Whether your state's policy versions need two national admins' signatures (national admins).",
    params: StateParams,
    response: PolicySigningView,
    errors: [400, 401, 403],
    handler: async ({ params, req }) => readPolicySigning(policies, await authn.actor(req), params.state),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/policies/:state/signing',
    auth: authn,
    tag: 'policies',
    summary:
      'Require two signatures for new policy versions (one national admin), or ask to need one again: that takes a second national admin of the state asking the same within 7 days.',
    params: StateParams,
    body: SetPolicySigningRequest,
    response: PolicySigningView,
    errors: [400, 401, 403, 409],
    handler: async ({ params, body, req }) =>
      setPolicySigning(policies, await authn.actor(req), params.state, body.twoSignatures),
  });
}
