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
    summary: "Publish the next version of your state's policy, signed with your identity key (version = current + 1).",
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
}
