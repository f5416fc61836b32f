import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { EntryPage } from './entry-page';

/** A focal point's own entry: check it, confirm it is current, correct it. */
export function MyEntryPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('directory.mine.title')}</h2>
      <p>{t('directory.mine.intro')}</p>
      <EntryPage userId={me.id} mine />
    </>
  );
}
