import { z } from 'zod';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import {
  CurrentPolicyView,
  FullPolicyView,
  PolicyDiffView,
  PolicyVersionSummary,
  PublishedPolicyView,
  type PublishPolicyRequest,
} from '../../../shared/schemas/policy-api.js';
import type { PolicyBody } from '../../../shared/schemas/policy.js';
import { ApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';

export interface PoliciesApi {
  /** Every state's policy in force, published rules only (anyone signed in). */
  listPublished(): Promise<PublishedPolicyView[]>;
  /** A state's policy in force: full for its own people, published rules for others; 404 policy.not-found when none. */
  current(state: string): Promise<CurrentPolicyView>;
  /** Every version of the state's policy (its national admins). */
  versions(state: string): Promise<PolicyVersionSummary[]>;
  version(state: string, version: number): Promise<FullPolicyView>;
  diff(state: string, from: number, to: number): Promise<PolicyDiffView>;
  /** Posts an already signed version; 409 policy.version-conflict unless it is current + 1. */
  publish(request: PublishPolicyRequest): Promise<FullPolicyView>;
  /**
   * Signs `body` with the identity key unlocked in this client and publishes it.
   * @throws ZodError when the body is not a valid PolicyBody (nothing is sent); ApiError
   */
  signAndPublish(body: PolicyBody): Promise<FullPolicyView>;
}

export function policiesApi(session: SessionManager, keyStore: KeyStore): PoliciesApi {
  const base = (state: string): string => `/api/policies/${encodeURIComponent(state)}`;
  const publish = (request: PublishPolicyRequest): Promise<FullPolicyView> =>
    session.authed({
      method: 'POST',
      path: `${base(request.policy.state)}/versions`,
      body: request,
      schema: FullPolicyView,
    });
  return {
    listPublished: () => session.authed({ method: 'GET', path: '/api/policies', schema: z.array(PublishedPolicyView) }),
    current: (state) => session.authed({ method: 'GET', path: base(state), schema: CurrentPolicyView }),
    versions: (state) =>
      session.authed({ method: 'GET', path: `${base(state)}/versions`, schema: z.array(PolicyVersionSummary) }),
    version: (state, version) =>
      session.authed({ method: 'GET', path: `${base(state)}/versions/${version}`, schema: FullPolicyView }),
    diff: (state, from, to) =>
      session.authed({ method: 'GET', path: `${base(state)}/diff`, query: { from, to }, schema: PolicyDiffView }),
    publish,
    async signAndPublish(body) {
      const unlocked = keyStore.get();
      // Keys unlocked for another account (after a switch of user) must never sign for this one.
      if (!unlocked || unlocked.username !== session.current()?.user.username) {
        throw new ApiError(
          401,
          'auth.unauthenticated',
          'unlock your keys first: the policy is signed with your identity key',
        );
      }
      return publish(await signPolicy(body, unlocked.keys.identity.privateKey));
    },
  };
}
