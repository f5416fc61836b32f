import { AppError } from '../../../shared/errors.js';
import { audienceKey, parseAudienceKey, type Audience } from '../../../shared/schemas/audience.js';
import {
  LIBRARY_LIMITS,
  sealedLength,
  type PublishItemRequest,
  type PublishNewVersionRequest,
  type PublishVersionRequest,
} from '../../../shared/schemas/library.js';
import type { User } from '../accounts/ports/users.js';
import { requireKnownDomains } from '../directory/domains.js';
import type { LibraryDeps } from './library-deps.js';
import type { LibraryItem, LibraryVersion } from './ports.js';
import { assertMayPublish, mayPublish } from './shelf-readers.js';
import { toItemView } from './views.js';

/** The version's files: the caller's own complete uploads, not yet part of any version, within the limits. */
async function checkFiles(deps: LibraryDeps, actor: User, files: PublishVersionRequest['files']): Promise<void> {
  const ids = files.map((file) => file.id);
  if (new Set(ids).size !== ids.length) throw new AppError('validation.failed', 'a file is named twice');
  const found = new Map((await deps.files.findMany(ids)).map((file) => [file.id, file]));
  let total = 0;
  files.forEach((ref, i) => {
    const file = found.get(ref.id);
    if (!file?.complete || file.uploaderId !== actor.id || file.itemId !== null || file.size !== ref.size)
      throw new AppError('library.file-unknown', 'no such upload of yours, or it is already published', [
        { path: ['body', 'files', i, 'id'], message: 'unknown upload' },
      ]);
    total += file.size;
  });
  if (total > LIBRARY_LIMITS.versionBytes)
    throw new AppError(
      'library.too-large',
      `a version's files are limited to ${LIBRARY_LIMITS.versionBytes / 2 ** 20} MB together`,
    );
}

/** The sealed text and metadata within their limits (the client checks the plaintext first). */
function checkSizes(input: PublishVersionRequest): void {
  if ((input.text?.length ?? 0) > sealedLength(LIBRARY_LIMITS.textBytes))
    throw new AppError('library.too-large', `the text is limited to ${LIBRARY_LIMITS.textBytes / 1024} KB`, [
      { path: ['body', 'text'], message: 'too large' },
    ]);
  if (input.meta.length > sealedLength(LIBRARY_LIMITS.metaBytes))
    throw new AppError(
      'library.too-large',
      `title, summary and tags are limited to ${LIBRARY_LIMITS.metaBytes / 1024} KB`,
      [{ path: ['body', 'meta'], message: 'too large' }],
    );
}

/** The shelf must be at the epoch the author sealed to: a rotation since means sealing again. */
async function requireCurrentEpoch(deps: LibraryDeps, audience: Audience, epoch: number): Promise<void> {
  const current = (await deps.shelves.find(audienceKey(audience)))?.epoch ?? 0;
  if (current !== epoch)
    throw new AppError('library.stale-epoch', `the shelf is at epoch ${current}, not ${epoch}: read the shelf again`);
}

const newVersion = (
  actor: User,
  itemId: string,
  version: number,
  input: PublishVersionRequest,
  at: Date,
): LibraryVersion => ({
  itemId,
  version,
  epoch: input.epoch,
  language: input.language,
  wrappedKey: input.wrappedKey,
  meta: input.meta,
  text: input.text ?? null,
  files: input.files,
  signature: input.signature,
  authorId: actor.id,
  authorKeyVersion: actor.keys?.keyVersion ?? 0,
  createdAt: at,
});

async function audit(deps: LibraryDeps, actor: User, item: LibraryItem, version: number, files: number): Promise<void> {
  await deps.audit.append({
    type: 'library.published',
    actorId: actor.id,
    state: actor.state,
    subjectId: item.id,
    data: {
      itemId: item.id,
      version,
      kind: item.kind,
      domain: item.domain,
      audience: item.audienceKey,
      language: item.language,
      files,
      eventId: item.refs.eventId ?? null,
      proposalId: item.refs.proposalId ?? null,
    },
  });
}

function requireKeys(actor: User): void {
  if (!actor.keys?.verifiedAt)
    throw new AppError('library.grant-refused', 'publishing needs keys an administrator verified');
}

/** Publishes an item's first version to a shelf the caller may publish to. */
export async function publishItem(deps: LibraryDeps, actor: User, input: PublishItemRequest) {
  await assertMayPublish(deps, actor, input.audience);
  requireKeys(actor);
  if (input.audience.kind === 'domain' && input.domain !== undefined && input.domain !== input.audience.domain)
    throw new AppError('validation.failed', "an item on a domain's shelf is of that domain", [
      { path: ['body', 'domain'], message: `must be ${input.audience.domain}` },
    ]);
  const domain = input.audience.kind === 'domain' ? input.audience.domain : (input.domain ?? null);
  if (domain) await requireKnownDomains(deps.index, [domain], ['body', 'domain']);
  checkSizes(input);
  await requireCurrentEpoch(deps, input.audience, input.epoch);
  await checkFiles(deps, actor, input.files);
  const at = deps.clock.now();
  const item: LibraryItem = {
    id: input.itemId,
    audienceKey: audienceKey(input.audience),
    kind: input.kind,
    domain,
    language: input.language,
    refs: input.refs ?? {},
    authorId: actor.id,
    authorState: actor.state,
    createdAt: at,
    updatedAt: at,
    withdrawn: false,
    withdrawnAt: null,
    latestVersion: 1,
  };
  const version = newVersion(actor, item.id, 1, input, at);
  if (!(await deps.items.create(item, version)))
    throw new AppError('library.conflict', 'an item with this id exists: make a new id');
  await deps.files.bind(
    input.files.map((file) => file.id),
    actor.id,
    item.id,
  );
  await audit(deps, actor, item, 1, input.files.length);
  return toItemView(deps, item, version, 1);
}

/**
 * Who may change an item (new version, withdraw): its author; the secretariat; a national admin
 * of the author's state who may publish to the shelf.
 */
async function requireEditor(deps: LibraryDeps, actor: User, item: LibraryItem): Promise<Audience> {
  const audience = parseAudienceKey(item.audienceKey);
  if (!audience) throw new AppError('library.not-found', 'no such item');
  const editor =
    actor.id === item.authorId ||
    actor.role === 'network-admin' ||
    (actor.role === 'national-admin' && actor.state === item.authorState);
  if (!editor || !(await mayPublish(deps, actor, audience)))
    throw new AppError(
      'auth.forbidden',
      "only the item's author, their national admin or the secretariat may change it",
    );
  return audience;
}

export async function findLiveItem(deps: LibraryDeps, id: string): Promise<LibraryItem> {
  const item = await deps.items.find(id);
  if (!item) throw new AppError('library.not-found', 'no such item');
  if (item.withdrawn) throw new AppError('library.withdrawn', 'the item was withdrawn');
  return item;
}

/** Publishes the next version of an item (history kept). `version` is the one the author signed. */
export async function publishVersion(deps: LibraryDeps, actor: User, itemId: string, input: PublishNewVersionRequest) {
  const item = await findLiveItem(deps, itemId);
  const audience = await requireEditor(deps, actor, item);
  requireKeys(actor);
  if (input.version !== item.latestVersion + 1)
    throw new AppError(
      'library.conflict',
      `the item is at version ${item.latestVersion}: publish ${item.latestVersion + 1}`,
    );
  checkSizes(input);
  await requireCurrentEpoch(deps, audience, input.epoch);
  await checkFiles(deps, actor, input.files);
  const at = deps.clock.now();
  const version = newVersion(actor, item.id, input.version, input, at);
  if (!(await deps.items.addVersion(version, item.latestVersion)))
    throw new AppError('library.conflict', 'the item changed meanwhile (a new version, or withdrawn): read it again');
  await deps.files.bind(
    input.files.map((file) => file.id),
    actor.id,
    item.id,
  );
  const updated = { ...item, language: input.language, latestVersion: input.version, updatedAt: at };
  await audit(deps, actor, updated, input.version, input.files.length);
  return toItemView(deps, updated, version, input.version);
}

/** Withdraws an item: no longer listed nor readable; the audit trail keeps that it was. */
export async function withdrawItem(deps: LibraryDeps, actor: User, itemId: string): Promise<{ ok: true }> {
  const item = await findLiveItem(deps, itemId);
  await requireEditor(deps, actor, item);
  if (!(await deps.items.withdraw(item.id, deps.clock.now())))
    throw new AppError('library.withdrawn', 'the item was withdrawn');
  await deps.audit.append({
    type: 'library.withdrawn',
    actorId: actor.id,
    state: actor.state,
    subjectId: item.id,
    data: {
      itemId: item.id,
      kind: item.kind,
      domain: item.domain,
      audience: item.audienceKey,
      versions: item.latestVersion,
    },
  });
  return { ok: true };
}
