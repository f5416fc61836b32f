import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { audienceKey, parseAudienceKey, type Audience } from '../../../../shared/schemas/audience';
import { LIBRARY_KINDS, type LibraryKind } from '../../../../shared/schemas/library';
import type { LibraryFileInput } from '../../../sdk/index';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { navigate } from '../../router/router';
import { useClient, useSession } from '../../services/client-context';
import { useDomains } from './use-domain-names';
import './library.css';

const LANGUAGES = ['en', 'ru', 'kk', 'ky', 'tg', 'uz', 'tk', 'mn', 'zh', 'fa', 'az', 'tr'] as const;

/** The shelves the person may publish to, as the server decides (secretariat, national admin, focal point). */
function audiencesFor(me: UserView, domains: readonly string[]): Audience[] {
  const ofDomains = (codes: readonly string[]): Audience[] => codes.map((domain) => ({ kind: 'domain', domain }));
  if (me.role === 'network-admin') return [{ kind: 'everyone' }, { kind: 'national-admins' }, ...ofDomains(domains)];
  if (me.role === 'national-admin') return [{ kind: 'national-admins' }, ...ofDomains(domains)];
  return ofDomains(me.domains);
}

const splitTags = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

async function readFiles(list: FileList | null): Promise<LibraryFileInput[]> {
  return Promise.all(
    [...(list ?? [])].map(async (file) => ({
      name: file.name,
      type: file.type || 'application/octet-stream',
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** Publish an item (/library/new, `?event=` / `?proposal=` prefilled), or a new version of one. */
export function PublishPage({ itemId }: { itemId?: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const me = useSession()?.user;
  const { domains, nameOf } = useDomains();
  const [refs] = useState(() => {
    const query = new URLSearchParams(window.location.search);
    return { eventId: query.get('event') ?? undefined, proposalId: query.get('proposal') ?? undefined };
  });
  const existing = useLoaded(
    useCallback(() => (itemId ? client.library.item(itemId) : Promise.resolve(undefined)), [client, itemId]),
  );
  const latest = existing.data?.latest.state === 'open' ? existing.data.latest : undefined;
  const audiences = me
    ? audiencesFor(
        me,
        domains.filter((d) => !d.retiredAt).map((d) => d.code),
      )
    : [];
  const [audience, setAudience] = useState('');
  const [kind, setKind] = useState<LibraryKind>(
    refs.eventId ? 'seminar-material' : refs.proposalId ? 'adopted-document' : 'best-practice',
  );
  const [fields, setFields] = useState<{
    language?: string;
    title?: string;
    summary?: string;
    tags?: string;
    text?: string;
  }>({});
  const [files, setFiles] = useState<FileList | null>(null);
  const [missing, setMissing] = useState<'title' | 'content'>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const value = {
    language: fields.language ?? latest?.language ?? 'en',
    title: fields.title ?? latest?.title ?? '',
    summary: fields.summary ?? latest?.summary ?? '',
    tags: fields.tags ?? latest?.tags.join(', ') ?? '',
    text: fields.text ?? latest?.text ?? '',
  };
  const set = (name: keyof typeof value) => (next: string) => setFields((old) => ({ ...old, [name]: next }));
  const chosenAudience = audience || (audiences[0] ? audienceKey(audiences[0]) : '');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    if (!value.title.trim()) return setMissing('title');
    if (!value.text.trim() && !files?.length) return setMissing('content');
    setMissing(undefined);
    setBusy(true);
    try {
      const content = {
        language: value.language,
        title: value.title.trim(),
        summary: value.summary.trim(),
        tags: splitTags(value.tags),
        text: value.text,
        files: await readFiles(files),
      };
      const target = parseAudienceKey(chosenAudience);
      const published = itemId
        ? await client.library.publishVersion(itemId, content)
        : target
          ? await client.library.publish({
              ...content,
              audience: target,
              kind,
              ...(refs.eventId || refs.proposalId
                ? {
                    refs: {
                      ...(refs.eventId ? { eventId: refs.eventId } : {}),
                      ...(refs.proposalId ? { proposalId: refs.proposalId } : {}),
                    },
                  }
                : {}),
            })
          : undefined;
      if (published) navigate(`/library/${published.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (itemId && existing.error) return <FormError error={existing.error} />;
  if (itemId && !existing.data) return <p>{t('common.loading')}</p>;
  const audienceLabel = (key: string): string => {
    const parsed = parseAudienceKey(key);
    return parsed?.kind === 'domain'
      ? t('library.audience.domain', { domain: nameOf(parsed.domain) })
      : t(`library.audience.${parsed?.kind ?? 'everyone'}`, { domain: '' });
  };

  return (
    <form className="library-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{itemId ? t('library.form.newVersionTitle') : t('library.form.title')}</h2>
      {refs.eventId && <p className="card">{t('library.form.eventRef', { id: refs.eventId })}</p>}
      {refs.proposalId && <p className="card">{t('library.form.proposalRef', { id: refs.proposalId })}</p>}
      {!itemId && (
        <>
          <Field label={t('library.audience.label')}>
            {(props) => (
              <select {...props} value={chosenAudience} onChange={(e) => setAudience(e.target.value)}>
                {audiences.map((a) => (
                  <option key={audienceKey(a)} value={audienceKey(a)}>
                    {audienceLabel(audienceKey(a))}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('library.kind')}>
            {(props) => (
              <select {...props} value={kind} onChange={(e) => setKind(e.target.value as LibraryKind)}>
                {LIBRARY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`library.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <Field label={t('library.language')}>
        {(props) => (
          <select {...props} value={value.language} onChange={(e) => set('language')(e.target.value)}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('library.form.itemTitle')} error={missing === 'title' && t('library.form.titleMissing')}>
        {(props) => <input {...props} value={value.title} onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <Field label={t('library.form.summary')}>
        {(props) => (
          <textarea {...props} rows={2} value={value.summary} onChange={(e) => set('summary')(e.target.value)} />
        )}
      </Field>
      <Field label={t('library.form.tags')} hint={t('library.form.tagsHint')}>
        {(props) => <input {...props} value={value.tags} onChange={(e) => set('tags')(e.target.value)} />}
      </Field>
      <Field label={t('library.form.text')} error={missing === 'content' && t('library.form.contentMissing')}>
        {(props) => <textarea {...props} rows={10} value={value.text} onChange={(e) => set('text')(e.target.value)} />}
      </Field>
      <Field label={t('library.form.files')}>
        {(props) => <input {...props} type="file" multiple onChange={(e) => setFiles(e.target.files)} />}
      </Field>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('library.form.publishing') : t('library.form.submit')}
      </button>
    </form>
  );
}
