import { useTranslation } from 'react-i18next';
import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  HANDLING_CODES,
  CategoryCode,
  Classification,
  DomainCode,
  HandlingCode,
  type Labels,
} from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { useActiveDomains } from '../../services/domains';
import { usePolicyLabels } from '../policies/use-policy-labels';

/** Domain, category, classification and handling code of the message being written. */
export function LabelsFields({ labels, onChange }: { labels: Labels; onChange: (next: Labels) => void }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const domains = useActiveDomains();
  return (
    <div className="form-row wrap">
      <Field label={t('messaging.compose.domain')}>
        {(field) => (
          <select
            {...field}
            name="domain"
            value={labels.domain}
            onChange={(e) =>
              onChange({ ...labels, domain: DomainCode.safeParse(e.target.value).data ?? labels.domain })
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
      <Field label={t('messaging.compose.category')}>
        {(field) => (
          <select
            {...field}
            name="category"
            value={labels.category}
            onChange={(e) =>
              onChange({ ...labels, category: CategoryCode.safeParse(e.target.value).data ?? labels.category })
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
      <Field label={t('messaging.compose.classification')}>
        {(field) => (
          <select
            {...field}
            name="classification"
            value={labels.classification}
            onChange={(e) =>
              onChange({
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
      <Field label={t('messaging.compose.handling')}>
        {(field) => (
          <select
            {...field}
            name="handling"
            value={labels.handling}
            onChange={(e) =>
              onChange({ ...labels, handling: HandlingCode.safeParse(e.target.value).data ?? labels.handling })
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
    </div>
  );
}
