import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import type { EntryView } from '../../../../shared/schemas/directory';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient, useSession } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { useLoaded } from '../../hooks/use-loaded';
import { Bilingual } from './bilingual';
import { resultsPath } from './directory-filter';
import { ContactLinks } from './contact-links';
import { ContactList } from './contact-list';
import { EntryActions } from './entry-actions';
import { FreshnessBadge, KeysBadge } from './entry-badges';
import { FirstSteps } from './first-steps';
import { EntryFacts } from './entry-facts';
import { EntryForm } from './entry-form';
import { EntryKeys } from './entry-keys';
import { useLabels } from '../../components/use-labels';
import { useStates } from './use-states';
import { WithheldNote } from './withheld-note';
import { DutyFacts } from '../duty-roster/duty-facts';
import { AwaySection } from '../duty-roster/away-section';
import { DeskMembersForm } from '../duty-roster/desk-members-form';

/** One directory entry with everything the reader may see; its owner and their national admin may confirm and edit it. */
export function EntryPage({ userId, mine = false }: { userId: string; mine?: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const states = useStates();
  const labels = useLabels();
  const loaded = useLoaded(useCallback(() => client.directory.entry(userId), [client, userId]));
  const [updated, setUpdated] = useState<EntryView>();
  // Undefined until the person opens or closes the form: their own incomplete entry opens it.
  const [editingChoice, setEditing] = useState<boolean>();
  const [saved, setSaved] = useState(false);
  // The latest of what was loaded and what an action answered (both are the server's view).
  const entry = updated?.userId === userId ? updated : loaded.data;
  if (!session) return null;
  if (!entry) return loaded.error ? <FormError error={loaded.error} /> : <p>{t('common.loading')}</p>;

  const me = session.user;
  const firstSteps = mine && entry.status === 'incomplete';
  const editing = editingChoice ?? firstSteps;
  const editable = can(toActor(me), 'directory:edit-entry', {
    id: entry.userId,
    role: 'focal-point',
    state: entry.state,
  });
  const stateName = states.name(entry.state);
  const displayName = (labels.language === 'ru' && entry.name.ru) || entry.name.en;
  const onChanged = (next: EntryView): void => {
    setUpdated(next);
    setSaved(false);
  };

  return (
    <article className="entry" data-testid="entry" data-user-id={entry.userId}>
      {!mine && (
        <p className="directory-back">
          <Link to={resultsPath()}>{t('directory.backToResults')}</Link>
        </p>
      )}
      <div className="entry-header">
        <h2 data-testid="entry-name">
          <Bilingual text={entry.name} />
        </h2>
        <div className="badges">
          <span className="badge kind">{t(`directory.kind.${entry.kind}`)}</span>
          <FreshnessBadge entry={entry} />
          <KeysBadge entry={entry} />
        </div>
        <p className="detail entry-subtitle">
          {entry.authority ? `${(labels.language === 'ru' && entry.authority.ru) || entry.authority.en} · ` : ''}
          {stateName}
        </p>
      </div>
      <ContactLinks entry={entry} me={me} />
      <DutyFacts entry={entry} />
      <WithheldNote entry={entry} stateName={stateName} secretariat={me.role === 'network-admin'} />
      {firstSteps && <FirstSteps entry={entry} />}
      {saved && (
        <p className="success" role="status" data-testid="entry-saved">
          {t('directory.form.saved')}
        </p>
      )}
      {editable && !editing && <EntryActions entry={entry} onChanged={onChanged} onEdit={() => setEditing(true)} />}
      {editing ? (
        <EntryForm
          entry={entry}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            onChanged(next);
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <>
          <section className="card" aria-labelledby="entry-facts-title">
            <h3 id="entry-facts-title">{t('directory.detailsTitle')}</h3>
            <EntryFacts entry={entry} stateName={stateName} />
          </section>
          <section className="card" aria-labelledby="entry-contacts-title">
            <h3 id="entry-contacts-title">{t('directory.fields.contacts')}</h3>
            <ContactList contacts={entry.contacts} withheld={entry.withheld} />
          </section>
        </>
      )}
      {editable && !editing && entry.kind === 'person' && <AwaySection entry={entry} onChanged={onChanged} />}
      {entry.kind === 'duty-desk' && !editing && can(toActor(me), 'state:manage-directory', { state: entry.state }) && (
        <DeskMembersForm desk={entry} onChanged={onChanged} />
      )}
      <EntryKeys entry={entry} name={displayName} />
    </article>
  );
}
