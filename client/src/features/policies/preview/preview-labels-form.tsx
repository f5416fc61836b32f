import { useTranslation } from 'react-i18next';
import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  EXCHANGE_KINDS,
  HANDLING_CODES,
  CategoryCode,
  Classification,
  DomainCode,
  ExchangeKind,
  HandlingCode,
  type Labels,
} from '../../../../../shared/schemas/labels';
import { Field } from '../../../components/field';
import { useActiveDomains } from '../../../services/domains';
import { usePolicyLabels } from '../use-policy-labels';

/** The labels and kind of an exchange, as the sender will set them. */
export function PreviewLabelsForm({
  labels,
  kind,
  onLabels,
  onKind,
}: {
  labels: Labels;
  kind: ExchangeKind;
  onLabels: (next: Labels) => void;
  onKind: (next: ExchangeKind) => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const domains = useActiveDomains();
  return (
    <div className="form-row wrap">
      <Field label={t('preview.form.domain')}>
        {(field) => (
          <select
            {...field}
            name="preview-domain"
            value={labels.domain}
            onChange={(e) =>
              onLabels({ ...labels, domain: DomainCode.safeParse(e.target.value).data ?? labels.domain })
            }
          >
            {domains.map(({ code }) => (
              <option key={code} value={code}>
                {l.domain(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('preview.form.category')}>
        {(field) => (
          <select
            {...field}
            name="preview-category"
            value={labels.category}
            onChange={(e) =>
              onLabels({ ...labels, category: CategoryCode.safeParse(e.target.value).data ?? labels.category })
            }
          >
            {CATEGORY_CODES.map((code) => (
              <option key={code} value={code}>
                {l.category(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('preview.form.classification')}>
        {(field) => (
          <select
            {...field}
            name="preview-classification"
            value={labels.classification}
            onChange={(e) =>
              onLabels({
                ...labels,
                classification: Classification.safeParse(e.target.value).data ?? labels.classification,
              })
            }
          >
            {CLASSIFICATIONS.map((code) => (
              <option key={code} value={code}>
                {l.classification(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('preview.form.handling')}>
        {(field) => (
          <select
            {...field}
            name="preview-handling"
            value={labels.handling}
            onChange={(e) =>
              onLabels({ ...labels, handling: HandlingCode.safeParse(e.target.value).data ?? labels.handling })
            }
          >
            {HANDLING_CODES.map((code) => (
              <option key={code} value={code}>
                {l.handling(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('preview.form.kind')}>
        {(field) => (
          <select
            {...field}
            name="preview-kind"
            value={kind}
            onChange={(e) => onKind(ExchangeKind.safeParse(e.target.value).data ?? kind)}
          >
            {EXCHANGE_KINDS.map((code) => (
              <option key={code} value={code}>
                {l.kind(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
