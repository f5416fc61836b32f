import { parseAudienceKey } from '../../../shared/schemas/audience.js';
import type { LibraryAuthor, LibraryItemView, LibraryVersionView } from '../../../shared/schemas/library.js';
import type { LibraryDeps } from './library-deps.js';
import type { LibraryItem, LibraryVersion } from './ports.js';

/** The author as a reader checks the signature: their verified identity key now, and which key version signed. */
async function authorOf(deps: Pick<LibraryDeps, 'users'>, version: LibraryVersion): Promise<LibraryAuthor> {
  const user = await deps.users.findById(version.authorId);
  const keys = user?.keys?.verifiedAt ? user.keys : undefined;
  const signingKey =
    keys?.keyVersion === version.authorKeyVersion
      ? keys.identityKey
      : user?.keyHistory.find((old) => old.keyVersion === version.authorKeyVersion && old.verifiedAt)?.identityKey;
  return {
    userId: version.authorId,
    state: user?.state ?? null,
    displayName: user?.displayName ?? '',
    keyVersion: version.authorKeyVersion,
    identityKey: signingKey ?? null,
    currentKeyVersion: keys?.keyVersion ?? null,
  };
}

export async function toVersionView(
  deps: Pick<LibraryDeps, 'users'>,
  version: LibraryVersion,
): Promise<LibraryVersionView> {
  return {
    itemId: version.itemId,
    version: version.version,
    epoch: version.epoch,
    language: version.language,
    wrappedKey: version.wrappedKey,
    meta: version.meta,
    text: version.text,
    files: version.files,
    signature: version.signature,
    author: await authorOf(deps, version),
    createdAt: version.createdAt.toISOString(),
  };
}

export async function toItemView(
  deps: Pick<LibraryDeps, 'users'>,
  item: LibraryItem,
  latest: LibraryVersion,
  versionCount: number,
): Promise<LibraryItemView> {
  return {
    id: item.id,
    audience: parseAudienceKey(item.audienceKey) ?? { kind: 'everyone' },
    audienceKey: item.audienceKey,
    kind: item.kind,
    domain: item.domain,
    language: item.language,
    refs: item.refs,
    authorId: item.authorId,
    authorState: item.authorState,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    withdrawn: item.withdrawn,
    latest: await toVersionView(deps, latest),
    versionCount,
  };
}
