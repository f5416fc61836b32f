import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DefaultEffect, type PolicyRule } from '../../../../../shared/schemas/policy';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { Field } from '../../../components/field';
import { Link } from '../../../router/link';
import { BaseVersionInfo } from './base-version-info';
import { PublishBar } from './publish-bar';
import { RuleCard, type RuleChange } from './rule-card';
import { emptyRuleDraft, nextRuleId, ruleFromDraft, type RuleDraft } from './rule-draft';
import { RuleForm } from './rule-form';
import { usePolicyEditor } from './use-policy-editor';
import { usePolicyLabels } from '../use-policy-labels';
import { useUserNames } from '../use-user-names';
import { issuesOfRule } from './validate-draft';

/** The national admin's editor of their state's disclosure policy: rules, default, sign and publish. */
export function PolicyEditor({
  state,
  initial,
  onPublished,
  notices,
}: {
  state: string;
  initial: FullPolicyView | null;
  onPublished?: (view: FullPolicyView) => void;
  /** Shown under the version in force: a version waiting for a second signature. */
  notices?: ReactNode;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const editor = usePolicyEditor(state, initial, onPublished);
  const name = useUserNames();
  const { draft, setDraft, validation, changes } = editor;
  const [open, setOpen] = useState<string>();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);

  const changeOf = (rule: PolicyRule): RuleChange =>
    changes.added.some((r) => r.id === rule.id)
      ? 'new'
      : changes.changed.some((c) => c.id === rule.id)
        ? 'changed'
        : 'unchanged';
  const update = (index: number, next: RuleDraft): void =>
    setDraft({ ...draft, rules: draft.rules.map((r, i) => (i === index ? next : r)) });
  const remove = (index: number): void => setDraft({ ...draft, rules: draft.rules.filter((_, i) => i !== index) });
  const add = (): void => {
    const rule = emptyRuleDraft(nextRuleId(draft.rules));
    setDraft({ ...draft, rules: [...draft.rules, rule] });
    setOpen(rule.key);
  };
  const done = (rule: RuleDraft, index: number): void => {
    setChecked(new Set([...checked, rule.key]));
    // A rule with problems stays open, its problems shown beside the fields.
    if (Object.keys(issuesOfRule(validation, index)).length === 0) setOpen(undefined);
  };
  const publish = (): void => {
    setTried(true);
    if (!validation.ok) {
      const first = validation.issues.find((issue) => issue.rule !== undefined)?.rule;
      if (first !== undefined) setOpen(draft.rules[first]?.key);
      return;
    }
    void editor.publish().then((ok) => ok && setTried(false));
  };

  return (
    <>
      <h2>{t('policies.editor.title', { state: l.state(state) })}</h2>
      <BaseVersionInfo base={editor.base} name={name} />
      {notices}
      <p className="page-links">
        <Link to="/policies/history">{t('policies.nav.history')}</Link>
        <Link to="/policies/preview">{t('policies.nav.preview')}</Link>
      </p>
      <section className="card" aria-labelledby="default-effect-title">
        <h3 id="default-effect-title">{t('policies.editor.defaultTitle')}</h3>
        <Field label={t('policies.editor.defaultEffect')} hint={t('policies.editor.defaultHint')}>
          {(field) => (
            <select
              {...field}
              name="default-effect"
              value={draft.defaultEffect}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  defaultEffect: DefaultEffect.safeParse(e.target.value).data ?? draft.defaultEffect,
                })
              }
            >
              {DefaultEffect.options.map((effect) => (
                <option key={effect} value={effect}>
                  {l.effect(effect)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      <section className="card" aria-labelledby="rules-title">
        <h3 id="rules-title">{t('policies.editor.rulesTitle', { count: draft.rules.length })}</h3>
        <p className="hint">{t('policies.editor.rulesHint')}</p>
        {draft.rules.length === 0 && <p data-testid="no-rules">{t('policies.editor.noRules')}</p>}
        {draft.rules.map((rule, index) => {
          const issues = issuesOfRule(validation, index);
          const shown = tried || checked.has(rule.key) ? issues : {};
          if (open === rule.key) {
            return (
              <RuleForm
                key={rule.key}
                draft={rule}
                state={state}
                issues={shown}
                onChange={(next) => update(index, next)}
                onDone={() => done(rule, index)}
                onRemove={() => remove(index)}
              />
            );
          }
          const mapped = ruleFromDraft(rule, state);
          return (
            <RuleCard
              key={rule.key}
              rule={mapped}
              state={state}
              change={changeOf(mapped)}
              issueCount={Object.values(shown).flat().length}
              conflict={editor.reapplied?.conflicts.includes(rule.id) ?? false}
              onEdit={() => setOpen(rule.key)}
              onRemove={() => remove(index)}
            />
          );
        })}
        <button type="button" onClick={add}>
          {t('policies.editor.addRule')}
        </button>
      </section>
      <PublishBar
        editor={editor}
        tried={tried}
        name={name}
        onPublish={publish}
        onDiscard={() => {
          editor.discard();
          setTried(false);
          setOpen(undefined);
        }}
      />
    </>
  );
}
