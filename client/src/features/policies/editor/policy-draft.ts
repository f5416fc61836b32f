import type { DefaultEffect, DirectoryFieldRule, PolicyBody } from '../../../../../shared/schemas/policy';
import { draftFromRule, ruleFromDraft, type RuleDraft } from './rule-draft';

/** The editor's state: the next version of the state's policy. */
export interface PolicyDraft {
  state: string;
  version: number;
  defaultEffect: DefaultEffect;
  rules: RuleDraft[];
  /** Edited on the directory's field-visibility screen; carried over unchanged here. */
  directoryFields?: DirectoryFieldRule[] | undefined;
}

/** A state with no policy yet behaves as version 0 allowing everything (the engine's no-policy rule). */
export function emptyPolicy(state: string): PolicyBody {
  return { state, version: 0, defaultEffect: 'allow', rules: [] };
}

/** A draft of the version after `current`, with its rules and default. */
export function draftFromPolicy(current: PolicyBody): PolicyDraft {
  return {
    state: current.state,
    version: current.version + 1,
    defaultEffect: current.defaultEffect,
    rules: current.rules.map((rule) => draftFromRule(rule, current.state)),
    ...(current.directoryFields !== undefined ? { directoryFields: current.directoryFields } : {}),
  };
}

/** The body the draft stands for, to be checked with PolicyBody.safeParse before signing. */
export function policyBodyFromDraft(draft: PolicyDraft): PolicyBody {
  return {
    state: draft.state,
    version: draft.version,
    defaultEffect: draft.defaultEffect,
    rules: draft.rules.map((rule) => ruleFromDraft(rule, draft.state)),
    ...(draft.directoryFields !== undefined ? { directoryFields: draft.directoryFields } : {}),
  };
}
