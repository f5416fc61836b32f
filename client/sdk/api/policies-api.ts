import { z } from 'zod';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import { UserView } from '../../../shared/schemas/accounts.js';
import { PolicySigningView } from '../../../shared/schemas/policy-cosign.js';
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
  /** The version waiting for a second national admin's signature (empty when none), with its expiry. */
  awaiting(state: string): Promise<FullPolicyView[]>;
  /**
   * Co-signs the waiting `version`: fetches its body, re-checks the first signature against the
   * first signer's current, verified key (as the server lists it), signs the same bytes with the
   * identity key unlocked here, and posts it. The version is then in force.
   * @throws ApiError policy.signature-invalid (nothing sent) when the first signature does not check out;
   *   policy.same-signer, policy.cosignature-expired, policy.superseded from the server
   */
  cosign(state: string, version: number): Promise<FullPolicyView>;
  /** Whether the state's policy versions need two signatures, and any open request to need one again. */
  signing(state: string): Promise<PolicySigningView>;
  /** On: at once. Off: asks, or confirms another admin's request (it takes two national admins). */
  setSigning(state: string, twoSignatures: boolean): Promise<PolicySigningView>;
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
  const awaiting = (state: string): Promise<FullPolicyView[]> =>
    session.authed({ method: 'GET', path: `${base(state)}/awaiting`, schema: z.array(FullPolicyView) });
  const identityPrivateKey = (): Uint8Array => {
    const unlocked = keyStore.get();
    // Keys unlocked for another account (after a switch of user) must never sign for this one.
    if (!unlocked || unlocked.username !== session.current()?.user.username) {
      throw new ApiError(
        401,
        'auth.unauthenticated',
        'unlock your keys first: the policy is signed with your identity key',
      );
    }
    return unlocked.keys.identity.privateKey;
  };
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
      return publish(await signPolicy(body, identityPrivateKey()));
    },
    awaiting,
    async cosign(state, version) {
      const privateKey = identityPrivateKey();
      const waiting = (await awaiting(state)).find((view) => view.policy.version === version);
      if (!waiting) {
        throw new ApiError(
          404,
          'policy.not-found',
          `no version ${version} of ${state}'s policy waits for a second signature`,
        );
      }
      const first = waiting.signedBy;
      const signer = await session.authed({
        method: 'GET',
        path: `/api/users/${encodeURIComponent(first.userId)}`,
        schema: UserView,
      });
      // The server's word for the first signer's key is not enough: it must be the key the
      // state's admins verified, and the signature must check out against it here.
      const known = signer.keys?.verifiedAt && signer.keys.identityKey === first.identityKey;
      if (!known || !(await verifyPolicySignature(waiting.policy, waiting.signature, first.identityKey))) {
        throw new ApiError(
          400,
          'policy.signature-invalid',
          "the first signature does not verify against the first signer's verified key: do not co-sign this version",
        );
      }
      const { signature } = await signPolicy(waiting.policy, privateKey);
      return session.authed({
        method: 'POST',
        path: `${base(state)}/versions/${version}/cosignature`,
        body: { signature },
        schema: FullPolicyView,
      });
    },
    signing: (state) => session.authed({ method: 'GET', path: `${base(state)}/signing`, schema: PolicySigningView }),
    setSigning: (state, twoSignatures) =>
      session.authed({
        method: 'PUT',
        path: `${base(state)}/signing`,
        body: { twoSignatures },
        schema: PolicySigningView,
      }),
  };
}
