import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import {
  TRAINING_FORMATS,
  type CentreInput,
  type CentreView,
  type TrainingFormat,
} from '../../../../shared/schemas/training';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { splitList, useTrainingWords } from './training-labels';

/** A national admin adds a centre of their own state. */
export function CentreNewPage({ me }: { me: UserView }) {
  const client = useClient();
  return (
    <CentreForm initial={undefined} state={me.state ?? ''} save={(input) => client.training.createCentre(input)} />
  );
}

/** The state's admins (or the secretariat) edit a centre; saving confirms it as current. */
export function CentreEditPage({ id }: { me: UserView; id: string }) {
  const client = useClient();
  const centre = useLoaded(useCallback(() => client.training.centre(id), [client, id]));
  if (centre.error) return <FormError error={centre.error} />;
  if (!centre.data) return null;
  return (
    <CentreForm
      initial={centre.data}
      state={centre.data.state}
      save={(input) => client.training.updateCentre(id, input)}
    />
  );
}

function CentreForm({
  initial,
  state,
  save,
}: {
  initial: CentreView | undefined;
  state: string;
  save: (input: CentreInput) => Promise<CentreView>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useTrainingWords();
  const domains = useActiveDomains();
  const [nameEn, setNameEn] = useState(initial?.name.en ?? '');
  const [nameRu, setNameRu] = useState(initial?.name.ru ?? '');
  const [chosenDomains, setDomains] = useState<string[]>(initial?.domains ?? []);
  const [subjects, setSubjects] = useState(initial?.subjects.join(', ') ?? '');
  const [languages, setLanguages] = useState(initial?.languages.join(', ') ?? '');
  const [contact, setContact] = useState(initial?.contact ?? {});
  const [formats, setFormats] = useState<TrainingFormat[]>(initial?.formats ?? []);
  const [foreign, setForeign] = useState(initial?.hostsForeignParticipants ?? true);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const toggle = <T,>(list: T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const complete =
    nameEn.trim() !== '' &&
    chosenDomains.length > 0 &&
    splitList(subjects).length > 0 &&
    splitList(languages).length > 0 &&
    formats.length > 0;
  const submit = async (form: FormEvent): Promise<void> => {
    form.preventDefault();
    setTried(true);
    if (!complete) return;
    setBusy(true);
    setError(undefined);
    const filled = Object.fromEntries(Object.entries(contact).filter(([, value]) => value && value.trim() !== ''));
    try {
      const saved = await save({
        name: nameRu.trim() ? { en: nameEn.trim(), ru: nameRu.trim() } : { en: nameEn.trim() },
        state,
        domains: chosenDomains,
        subjects: splitList(subjects),
        languages: splitList(languages).map((code) => code.toLowerCase()),
        contact: filled,
        formats,
        hostsForeignParticipants: foreign,
      });
      navigate(`/centres/${saved.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const contactField = (key: 'address' | 'phone' | 'email' | 'website', type = 'text') => (
    <Field label={t(`training.form.${key}`)}>
      {(field) => (
        <input
          {...field}
          name={`contact-${key}`}
          type={type}
          value={contact[key] ?? ''}
          onChange={(e) => setContact({ ...contact, [key]: e.target.value })}
          disabled={busy}
        />
      )}
    </Field>
  );

  return (
    <form className="card form" onSubmit={(form) => void submit(form)} noValidate data-testid="centre-form">
      <h2>{initial ? t('training.form.editTitle') : t('training.form.newTitle')}</h2>
      <p className="detail">
        {t('training.form.state')}: {labels.state(state)}
      </p>
      <Field label={t('training.form.nameEn')}>
        {(field) => (
          <input {...field} name="name-en" maxLength={200} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        )}
      </Field>
      <Field label={t('training.form.nameRu')}>
        {(field) => (
          <input {...field} name="name-ru" maxLength={200} value={nameRu} onChange={(e) => setNameRu(e.target.value)} />
        )}
      </Field>
      <fieldset>
        <legend>{t('training.form.domains')}</legend>
        {domains.map((domain) => (
          <label key={domain.code} className="check">
            <input
              type="checkbox"
              name={`domain-${domain.code}`}
              checked={chosenDomains.includes(domain.code)}
              onChange={() => setDomains(toggle(chosenDomains, domain.code))}
            />
            {labels.domain(domain.code)}
          </label>
        ))}
      </fieldset>
      <Field label={t('training.form.subjects')} hint={t('training.form.subjectsHint')}>
        {(field) => <input {...field} name="subjects" value={subjects} onChange={(e) => setSubjects(e.target.value)} />}
      </Field>
      <Field label={t('training.form.languages')} hint={t('training.form.languagesHint')}>
        {(field) => (
          <input {...field} name="languages" value={languages} onChange={(e) => setLanguages(e.target.value)} />
        )}
      </Field>
      <fieldset>
        <legend>{t('training.form.formats')}</legend>
        {TRAINING_FORMATS.map((format) => (
          <label key={format} className="check">
            <input
              type="checkbox"
              name={`format-${format}`}
              checked={formats.includes(format)}
              onChange={() => setFormats(toggle(formats, format))}
            />
            {words.format(format)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" name="foreign" checked={foreign} onChange={(e) => setForeign(e.target.checked)} />
        {t('training.form.foreign')}
      </label>
      {contactField('address')}
      {contactField('phone', 'tel')}
      {contactField('email', 'email')}
      {contactField('website', 'url')}
      {tried && !complete && (
        <p className="field-error" role="alert">
          {t('training.form.missing')}
        </p>
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('training.form.save')}
        </button>
        <button type="button" className="secondary" onClick={() => history.back()}>
          {t('training.form.cancel')}
        </button>
      </div>
    </form>
  );
}
