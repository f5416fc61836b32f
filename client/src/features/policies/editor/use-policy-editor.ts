import { useMemo, useState } from 'react';
import { diffPolicies } from '../../../../../shared/policy/index';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import type { PolicyBody } from '../../../../../shared/schemas/policy';
import { useClient } from '../../../services/client-context';
import { draftFromPolicy, emptyPolicy, policyBodyFromDraft, type PolicyDraft } from './policy-draft';
import { rebasePolicy, type Rebased } from './rebase-policy';
import { draftFromRule } from './rule-draft';
import { validateDraft } from './validate-draft';

/** What a reapply after a version conflict did, to tell the admin. */
export interface ReapplyNotice extends Omit<Rebased, 'body'> {
  onTopOf: FullPolicyView;
}

/**
 * The editor's state: the version in force (`base`), the draft of the next one, validation by
 * the shared schema, and publishing — signed here with the unlocked identity key.
 */
export function usePolicyEditor(
  state: string,
  initial: FullPolicyView | null,
  onPublished: (view: FullPolicyView) => void = () => undefined,
) {
  const client = useClient();
  const [base, setBase] = useState<FullPolicyView | null>(initial);
  const basePolicy: PolicyBody = useMemo(() => base?.policy ?? emptyPolicy(state), [base, state]);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(initial?.policy ?? emptyPolicy(state)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [published, setPublished] = useState<FullPolicyView>();
  const [reapplied, setReapplied] = useState<ReapplyNotice>();

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const changes = useMemo(() => diffPolicies(basePolicy, policyBodyFromDraft(draft)), [basePolicy, draft]);

  const startOver = (next: FullPolicyView | null): void => {
    setBase(next);
    setDraft(draftFromPolicy(next?.policy ?? emptyPolicy(state)));
  };

  const publish = async (): Promise<boolean> => {
    if (!validation.ok) return false;
    setBusy(true);
    setError(undefined);
    setPublished(undefined);
    try {
      const view = await client.policies.signAndPublish(validation.body);
      // A version waiting for a second signature is not in force: the editor stays on the one that is.
      startOver(view.awaitingCosignature ? base : view);
      setPublished(view);
      onPublished(view);
      setReapplied(undefined);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** After a version conflict: load the version in force and put the admin's changes on top of it. */
  const reapply = async (): Promise<void> => {
    setBusy(true);
    try {
      const latest = await client.policies.current(state);
      if (latest.scope !== 'full') throw new Error('the full policy of the own state was expected');
      const rebased = rebasePolicy(basePolicy, policyBodyFromDraft(draft), latest.policy);
      setBase(latest);
      setDraft({ ...rebased.body, rules: rebased.body.rules.map((rule) => draftFromRule(rule, state)) });
      setReapplied({
        conflicts: rebased.conflicts,
        defaultEffectConflict: rebased.defaultEffectConflict,
        onTopOf: latest,
      });
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return {
    base,
    basePolicy,
    draft,
    setDraft,
    validation,
    changes,
    busy,
    error,
    published,
    reapplied,
    publish,
    reapply,
    discard: () => {
      startOver(base);
      setError(undefined);
      setReapplied(undefined);
    },
  };
}

export type PolicyEditorState = ReturnType<typeof usePolicyEditor>;
