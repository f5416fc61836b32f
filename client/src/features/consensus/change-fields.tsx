import { useTranslation } from 'react-i18next';
import type { ProposedChange } from '../../../../shared/schemas/consensus';
import { Field } from '../../components/field';
import { useLabels } from '../../components/use-labels';
import { useActiveDomains } from '../../services/domains';

/** The kinds proposed on this page; the network's liveness schedule is proposed from the liveness schedules page. */
export const CHANGE_KINDS = [
  'directory-freshness',
  'admit-state',
  'add-domain',
  'rename-domain',
  'retire-domain',
  'set-travel-documents-reciprocity',
] as const satisfies readonly ProposedChange['kind'][];
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The change's fields as typed. */
export interface ChangeInput {
  days: string;
  stateCode: string;
  domainCode: string;
  nameEn: string;
  nameRu: string;
  /** Travel documents' reciprocity: 'on' or 'off'. */
  reciprocity: 'on' | 'off';
}

export const INITIAL_CHANGE_INPUT: ChangeInput = {
  days: '90',
  stateCode: '',
  domainCode: '',
  nameEn: '',
  nameRu: '',
  reciprocity: 'on',
};

/** The change of this kind (not yet checked: CreateProposal says what is wrong). Codes are spelt as the schema wants them. */
export function changeFrom(kind: ChangeKind, input: ChangeInput): unknown {
  const name = { en: input.nameEn, ru: input.nameRu };
  switch (kind) {
    case 'directory-freshness':
      return { kind, freshnessDays: Number(input.days) };
    case 'admit-state':
      return { kind, state: { code: input.stateCode.trim().toUpperCase(), name } };
    case 'add-domain':
    case 'rename-domain':
      return { kind, domain: { code: input.domainCode.trim().toLowerCase(), name } };
    case 'retire-domain':
      return { kind, domain: { code: input.domainCode } };
    case 'set-travel-documents-reciprocity':
      return { kind, required: input.reciprocity === 'on' };
  }
}

/** The fields of one kind of change; `bad` gives a field's error by the last key of its schema path. */
export function ChangeFields({
  kind,
  input,
  onChange,
  bad,
}: {
  kind: ChangeKind;
  input: ChangeInput;
  onChange: (next: ChangeInput) => void;
  bad: (key: string) => string | false;
}) {
  const { t } = useTranslation();
  const domains = useActiveDomains();
  const labels = useLabels();
  const set = (key: keyof ChangeInput, value: string): void => onChange({ ...input, [key]: value });
  if (kind === 'directory-freshness') {
    return (
      <Field
        label={t('consensus.propose.freshnessDays')}
        hint={t('consensus.propose.freshnessHint')}
        error={bad('freshnessDays')}
      >
        {(field) => (
          <input
            {...field}
            name="freshness-days"
            type="number"
            min={7}
            max={3650}
            value={input.days}
            onChange={(e) => set('days', e.target.value)}
          />
        )}
      </Field>
    );
  }
  if (kind === 'set-travel-documents-reciprocity') {
    return (
      <Field
        label={t('consensus.propose.reciprocity')}
        hint={t('consensus.propose.reciprocityHint')}
        error={bad('required')}
      >
        {(field) => (
          <select
            {...field}
            name="reciprocity"
            value={input.reciprocity}
            onChange={(e) => set('reciprocity', e.target.value === 'off' ? 'off' : 'on')}
          >
            <option value="on">{t('consensus.propose.reciprocityOn')}</option>
            <option value="off">{t('consensus.propose.reciprocityOff')}</option>
          </select>
        )}
      </Field>
    );
  }
  if (kind === 'retire-domain') {
    return (
      <Field label={t('consensus.propose.domain')} hint={t('consensus.propose.retireHint')} error={bad('code')}>
        {(field) => (
          <select
            {...field}
            name="retire-domain"
            value={input.domainCode}
            onChange={(e) => set('domainCode', e.target.value)}
          >
            <option value="">{t('consensus.propose.chooseDomain')}</option>
            {domains.map(({ code }) => (
              <option key={code} value={code}>
                {labels.domain(code)} ({code})
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  // A state and a domain both have a code and names in both languages; the inputs are named apart for each.
  const prefix = kind === 'add-domain' ? 'domain-' : kind === 'rename-domain' ? 'rename-' : '';
  // Renaming starts from the domain's current names.
  const pickDomain = (code: string): void => {
    const current = domains.find((domain) => domain.code === code);
    onChange({ ...input, domainCode: code, nameEn: current?.name.en ?? '', nameRu: current?.name.ru ?? '' });
  };
  return (
    <>
      {kind === 'rename-domain' ? (
        <Field label={t('consensus.propose.domain')} error={bad('code')}>
          {(field) => (
            <select
              {...field}
              name="rename-domain"
              value={input.domainCode}
              onChange={(e) => pickDomain(e.target.value)}
            >
              <option value="">{t('consensus.propose.chooseDomain')}</option>
              {domains.map(({ code }) => (
                <option key={code} value={code}>
                  {labels.domain(code)} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : kind === 'admit-state' ? (
        <Field label={t('consensus.propose.stateCode')} hint={t('consensus.propose.stateCodeHint')} error={bad('code')}>
          {(field) => (
            <input
              {...field}
              name="state-code"
              maxLength={2}
              value={input.stateCode}
              onChange={(e) => set('stateCode', e.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field
          label={t('consensus.propose.domainCode')}
          hint={t('consensus.propose.domainCodeHint')}
          error={bad('code')}
        >
          {(field) => (
            <input
              {...field}
              name="domain-code"
              maxLength={40}
              value={input.domainCode}
              onChange={(e) => set('domainCode', e.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t('consensus.propose.nameEn')} error={bad('en')}>
        {(field) => (
          <input
            {...field}
            name={`${prefix}name-en`}
            value={input.nameEn}
            onChange={(e) => set('nameEn', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('consensus.propose.nameRu')} error={bad('ru')}>
        {(field) => (
          <input
            {...field}
            name={`${prefix}name-ru`}
            value={input.nameRu}
            onChange={(e) => set('nameRu', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
