import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';

/**
 * Says plainly which fields the entry's state keeps from this reader, so a missing phone number
 * reads as a decision of that state under its law, not as a gap in the directory.
 */
export function WithheldNote({
  entry,
  stateName,
  secretariat,
}: {
  entry: EntryView;
  stateName: string;
  secretariat: boolean;
}) {
  const { t } = useTranslation();
  if (entry.withheld.length === 0) return null;
  const fields = entry.withheld.map((field) => t(`directory.withheldField.${field}`)).join(', ');
  return (
    <p className="warning withheld-note" data-testid="withheld-note" data-fields={entry.withheld.join(' ')}>
      {secretariat
        ? t('directory.withheld.noteSecretariat', { state: stateName, fields })
        : t('directory.withheld.note', { state: stateName, fields })}
    </p>
  );
}
