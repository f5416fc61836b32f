import { encryptAttachment, decryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import { concatBytes, utf8Decode, utf8Encode } from '../../../shared/crypto/encoding.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { audienceKey } from '../../../shared/schemas/audience.js';
import {
  LIBRARY_LIMITS,
  type LibraryItemView,
  type LibraryVersionView,
  type ListLibraryQuery,
} from '../../../shared/schemas/library.js';
import { ApiError, isApiError } from '../api-error.js';
import type { LibraryApi } from '../api/library-api.js';
import type { KeyStore } from '../key-store.js';
import type { SessionManager } from '../session-manager.js';
import {
  aeadOpen,
  aeadSeal,
  contentContext,
  decodeJson,
  encodeJson,
  hashOf,
  newItemId,
  randomKey,
  signHeader,
  verifyHeader,
  wrapContext,
  type VersionHeader,
} from './library-crypto.js';
import {
  LibraryMeta,
  type LibraryFileEntry,
  type LibraryFileInput,
  type LibraryPublishInput,
  type LibraryVersionInput,
  type OpenedItem,
  type OpenedItemDetail,
  type OpenedVersion,
} from './library-content.js';
import { publishingKey, shareWithNewcomers, ShelfKeys } from './shelf-keys.js';

/** The shared library, end to end: everything is sealed and signed here, opened and checked here. */
export interface LibraryClient {
  readonly api: LibraryApi;
  /** Publishes an item (its first version). Other features file documents here, e.g. adopted documents. */
  publish(input: LibraryPublishInput): Promise<LibraryItemView>;
  /** Publishes the next version of an item (its author, their national admin, the secretariat). */
  publishVersion(itemId: string, input: LibraryVersionInput): Promise<LibraryItemView>;
  withdraw(itemId: string): Promise<void>;
  /** Items I can read, their latest version opened (or `locked` until a reader shares the key). */
  list(query?: ListLibraryQuery): Promise<OpenedItem[]>;
  item(itemId: string): Promise<OpenedItemDetail>;
  /** A file's plaintext, its ciphertext checked against the signed metadata. */
  downloadFile(file: LibraryFileEntry): Promise<Uint8Array>;
  /** Shares the shelf keys I hold with readers who lack them; answers how many grants were made. */
  shareWithNewcomers(): Promise<number>;
}

const tooLarge = (message: string): ApiError => new ApiError(413, 'library.too-large', message);

function checkLimits(input: LibraryVersionInput): void {
  if (utf8Encode(input.text ?? '').length > LIBRARY_LIMITS.textBytes)
    throw tooLarge(`the text is limited to ${LIBRARY_LIMITS.textBytes / 1024} KB`);
  const files = input.files ?? [];
  if (files.length > LIBRARY_LIMITS.filesPerVersion)
    throw tooLarge(`a version has at most ${LIBRARY_LIMITS.filesPerVersion} files`);
  for (const file of files)
    if (file.bytes.length > LIBRARY_LIMITS.fileBytes)
      throw tooLarge(`${file.name}: a file is limited to ${LIBRARY_LIMITS.fileBytes / 2 ** 20} MB`);
  if (files.reduce((sum, file) => sum + file.bytes.length, 0) > LIBRARY_LIMITS.versionBytes)
    throw tooLarge(`a version's files are limited to ${LIBRARY_LIMITS.versionBytes / 2 ** 20} MB together`);
}

interface Uploaded {
  entries: LibraryFileEntry[];
  /** What the server knows of them: ids and ciphertext sizes. */
  refs: Array<{ id: string; size: number }>;
}

async function uploadFiles(api: LibraryApi, files: readonly LibraryFileInput[]): Promise<Uploaded> {
  const uploaded: Uploaded = { entries: [], refs: [] };
  for (const file of files) {
    const encrypted = await encryptAttachment([file.bytes]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted.ciphertext) chunks.push(chunk);
    const ciphertext = new Uint8Array(concatBytes(...chunks));
    const { id, size } = await api.uploadFile(ciphertext);
    uploaded.refs.push({ id, size });
    uploaded.entries.push({
      id,
      name: file.name,
      type: file.type ?? 'application/octet-stream',
      size: file.bytes.length,
      fileKey: encrypted.fileKey,
      header: encrypted.header,
      hash: await hashOf(ciphertext),
    });
  }
  return uploaded;
}

/** The item fields a version's header repeats (fixed when the item was made). */
type ItemFacts = Pick<VersionHeader, 'itemId' | 'version' | 'shelf' | 'kind' | 'domain' | 'refs'>;

const headerOf = (
  facts: ItemFacts,
  v: Pick<LibraryVersionView, 'epoch' | 'language' | 'wrappedKey' | 'meta' | 'text' | 'files'>,
  authorId: string,
): VersionHeader => ({
  ...facts,
  epoch: v.epoch,
  language: v.language,
  authorId,
  wrappedKey: v.wrappedKey,
  meta: v.meta,
  text: v.text,
  files: v.files,
});

const factsOf = (
  item: Pick<LibraryItemView, 'id' | 'audienceKey' | 'kind' | 'domain' | 'refs'>,
  version: number,
): ItemFacts => ({
  itemId: item.id,
  version,
  shelf: item.audienceKey,
  kind: item.kind,
  domain: item.domain,
  refs: item.refs,
});

/** Opens and checks one version with the shelf keys held; never throws for a bad version. */
async function openVersion(shelfKeys: ShelfKeys, facts: ItemFacts, v: LibraryVersionView): Promise<OpenedVersion> {
  const base = { version: v.version, epoch: v.epoch, author: v.author, createdAt: v.createdAt };
  const shelfKey = shelfKeys.get(facts.shelf, v.epoch);
  if (!shelfKey) return { state: 'locked', ...base };
  const invalid = (reason: string): OpenedVersion => ({ state: 'invalid', ...base, reason });
  if (!v.author.identityKey) return invalid("the author's signing key is not verified");
  if (
    !(await verifyHeader(
      headerOf({ ...facts, version: v.version }, v, v.author.userId),
      v.signature,
      v.author.identityKey,
    ))
  )
    return invalid('the signature does not verify');
  try {
    const itemKey = await aeadOpen(v.wrappedKey, shelfKey, wrapContext(facts.shelf, v.epoch, facts.itemId, v.version));
    const meta = LibraryMeta.parse(
      decodeJson(await aeadOpen(v.meta, itemKey, contentContext('meta', facts.itemId, v.version))),
    );
    const text = v.text
      ? utf8Decode(await aeadOpen(v.text, itemKey, contentContext('text', facts.itemId, v.version)))
      : '';
    if (meta.files.length !== v.files.length || meta.files.some((file, i) => file.id !== v.files[i]?.id))
      return invalid('the files do not match the signed metadata');
    return { state: 'open', ...base, language: v.language, ...meta, text };
  } catch {
    return invalid('a ciphertext does not open');
  }
}

export function libraryClient(deps: { api: LibraryApi; session: SessionManager; keyStore: KeyStore }): LibraryClient {
  const { api } = deps;
  const shelfKeys = new ShelfKeys();

  const myKeys = (): { keys: UserKeys; userId: string } => {
    const keys = deps.keyStore.get()?.keys;
    const userId = deps.session.current()?.user.id;
    if (!keys || !userId) throw new ApiError(0, 'client.keys-locked', 'unlock your keys to use the library');
    return { keys, userId };
  };

  /** Seals one version under the shelf's publishing key (a new epoch when needed). */
  async function seal(facts: ItemFacts, input: LibraryVersionInput, uploaded: Uploaded) {
    const { keys, userId } = myKeys();
    const { epoch, key } = await publishingKey(api, shelfKeys, keys, facts.shelf);
    const itemKey = await randomKey();
    const meta = LibraryMeta.parse({
      title: input.title,
      summary: input.summary ?? '',
      tags: input.tags ?? [],
      format: input.format ?? 'markdown',
      files: uploaded.entries,
    });
    const wrappedKey = await aeadSeal(itemKey, key, wrapContext(facts.shelf, epoch, facts.itemId, facts.version));
    const sealedMeta = await aeadSeal(encodeJson(meta), itemKey, contentContext('meta', facts.itemId, facts.version));
    const text = input.text
      ? await aeadSeal(utf8Encode(input.text), itemKey, contentContext('text', facts.itemId, facts.version))
      : null;
    const header = headerOf(
      facts,
      { epoch, language: input.language, wrappedKey, meta: sealedMeta, text, files: uploaded.refs },
      userId,
    );
    return {
      epoch,
      language: input.language,
      wrappedKey,
      meta: sealedMeta,
      ...(text === null ? {} : { text }),
      files: uploaded.refs,
      signature: await signHeader(header, keys.identity.privateKey),
    };
  }

  /** Seals and sends; sealed again once when another publisher opened a new epoch meanwhile. */
  async function sealAndSend<T>(
    facts: ItemFacts,
    input: LibraryVersionInput,
    send: (sealed: Awaited<ReturnType<typeof seal>>) => Promise<T>,
  ): Promise<T> {
    checkLimits(input);
    const uploaded = await uploadFiles(api, input.files ?? []);
    try {
      return await send(await seal(facts, input, uploaded));
    } catch (error) {
      if (!isApiError(error, 'library.stale-epoch')) throw error;
      return send(await seal(facts, input, uploaded));
    }
  }

  const opened = async (item: LibraryItemView): Promise<OpenedItem> => ({
    ...item,
    latest: await openVersion(shelfKeys, factsOf(item, item.latest.version), item.latest),
  });

  const learnAll = async (): Promise<void> => {
    const { keys } = myKeys();
    for (const view of await api.shelves()) await shelfKeys.learn(view, keys);
  };

  return {
    api,
    async publish(input) {
      const shelf = audienceKey(input.audience);
      const facts: ItemFacts = {
        itemId: await newItemId(),
        version: 1,
        shelf,
        kind: input.kind,
        domain: input.audience.kind === 'domain' ? input.audience.domain : (input.domain ?? null),
        refs: input.refs ?? {},
      };
      return sealAndSend(facts, input, (sealed) =>
        api.publish({
          itemId: facts.itemId,
          audience: input.audience,
          kind: input.kind,
          ...(facts.domain ? { domain: facts.domain } : {}),
          ...(input.refs ? { refs: input.refs } : {}),
          ...sealed,
        }),
      );
    },
    async publishVersion(itemId, input) {
      const item = await api.item(itemId);
      const facts = factsOf(item, item.versionCount + 1);
      return sealAndSend(facts, input, (sealed) => api.publishVersion(itemId, { version: facts.version, ...sealed }));
    },
    withdraw: (itemId) => api.withdraw(itemId),
    async list(query) {
      await learnAll();
      return Promise.all((await api.list(query)).map(opened));
    },
    async item(itemId) {
      await learnAll();
      const item = await api.item(itemId);
      return {
        ...(await opened(item)),
        versions: await Promise.all(item.versions.map((v) => openVersion(shelfKeys, factsOf(item, v.version), v))),
      };
    },
    async downloadFile(file) {
      const ciphertext = await api.downloadFile(file.id);
      if ((await hashOf(ciphertext)) !== file.hash)
        throw new ApiError(0, 'client.bad-response', `${file.name}: the file is not the one its author published`);
      const parts: Uint8Array[] = [];
      for await (const part of decryptAttachment([ciphertext], file)) parts.push(part);
      return concatBytes(...parts);
    },
    async shareWithNewcomers() {
      const { keys } = myKeys();
      return shareWithNewcomers(api, shelfKeys, keys);
    },
  };
}
