import mongoose, { Types } from 'mongoose';
import type {
  LibraryFile,
  LibraryFileStore,
  LibraryItem,
  LibraryItemFilter,
  LibraryItemStore,
  LibraryVersion,
  Shelf,
  ShelfGrant,
  ShelfStore,
} from '../../modules/library/ports.js';
import type { LibraryKind } from '../../../shared/schemas/library.js';
import { isDuplicateKey } from '../database-errors.js';
import { putEpochGrants } from './epoch-grants.js';
import type {
  LibraryFileChunkModel,
  LibraryFileModel,
  LibraryItemModel,
  LibraryVersionModel,
  ShelfGrantModel,
  ShelfModel,
} from '../models/library.model.js';

const grantId = (g: Pick<ShelfGrant, 'audienceKey' | 'epoch' | 'readerId'>): string =>
  `${g.audienceKey}|${g.epoch}|${g.readerId}`;
const versionId = (itemId: string, version: number): string => `${itemId}|${version}`;

export class ShelvesRepository implements ShelfStore {
  constructor(
    private readonly shelves: ShelfModel,
    private readonly grants: ShelfGrantModel,
  ) {}

  async find(audienceKey: string): Promise<Shelf | undefined> {
    const doc = await this.shelves.findById(audienceKey).lean();
    return doc ? { audienceKey: doc._id, epoch: doc.epoch, epochStartedAt: doc.epochStartedAt } : undefined;
  }

  async list(): Promise<Shelf[]> {
    const docs = await this.shelves.find({}).sort({ _id: 1 }).lean();
    return docs.map((doc) => ({ audienceKey: doc._id, epoch: doc.epoch, epochStartedAt: doc.epochStartedAt }));
  }

  async advance(audienceKey: string, from: number, at: Date): Promise<boolean> {
    if (from === 0) {
      try {
        await this.shelves.create({ _id: audienceKey, epoch: 1, epochStartedAt: at });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.shelves.updateOne(
      { _id: audienceKey, epoch: from },
      { $set: { epoch: from + 1, epochStartedAt: at } },
    );
    return result.modifiedCount === 1;
  }

  async grantsOf(audienceKey: string, epoch?: number): Promise<ShelfGrant[]> {
    const docs = await this.grants
      .find({ audienceKey, ...(epoch === undefined ? {} : { epoch }) })
      .sort({ epoch: 1, readerId: 1 })
      .lean();
    return docs.map((doc) => ({
      audienceKey: doc.audienceKey,
      epoch: doc.epoch,
      readerId: doc.readerId,
      keyVersion: doc.keyVersion,
      sealedKey: doc.sealedKey,
      signature: doc.signature,
      grantedBy: doc.grantedBy,
      at: doc.at,
    }));
  }

  putGrants(grants: readonly ShelfGrant[]): Promise<number> {
    return putEpochGrants(this.grants, grants, grantId);
  }

  async deleteGrants(
    audienceKey: string,
    epoch: number,
    which: { grantedBy: string; at: Date } | { before: Date },
  ): Promise<void> {
    const filter = 'before' in which ? { at: { $lt: which.before } } : { grantedBy: which.grantedBy, at: which.at };
    await this.grants.deleteMany({ audienceKey, epoch, ...filter });
  }
}

type ItemDoc = {
  _id: string;
  audienceKey: string;
  kind: string;
  domain?: string | null;
  language: string;
  refs?: { eventId?: string | null; proposalId?: string | null } | null;
  authorId: string;
  authorState?: string | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawn: boolean;
  withdrawnAt?: Date | null;
  latestVersion: number;
};

const toItem = (doc: ItemDoc): LibraryItem => ({
  id: doc._id,
  audienceKey: doc.audienceKey,
  kind: doc.kind as LibraryKind,
  domain: doc.domain ?? null,
  language: doc.language,
  refs: {
    ...(doc.refs?.eventId ? { eventId: doc.refs.eventId } : {}),
    ...(doc.refs?.proposalId ? { proposalId: doc.refs.proposalId } : {}),
  },
  authorId: doc.authorId,
  authorState: doc.authorState ?? null,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
  withdrawn: doc.withdrawn,
  withdrawnAt: doc.withdrawnAt ?? null,
  latestVersion: doc.latestVersion,
});

type VersionDoc = Omit<LibraryVersion, 'text' | 'files'> & {
  text?: string | null;
  files?: Array<{ id?: string | null; size?: number | null }>;
};

const toVersion = (doc: VersionDoc): LibraryVersion => ({
  itemId: doc.itemId,
  version: doc.version,
  epoch: doc.epoch,
  language: doc.language,
  wrappedKey: doc.wrappedKey,
  meta: doc.meta,
  text: doc.text ?? null,
  files: (doc.files ?? []).map((file) => ({ id: file.id ?? '', size: file.size ?? 0 })),
  signature: doc.signature,
  authorId: doc.authorId,
  authorKeyVersion: doc.authorKeyVersion,
  createdAt: doc.createdAt,
});

export class LibraryItemsRepository implements LibraryItemStore {
  constructor(
    private readonly items: LibraryItemModel,
    private readonly versionDocs: LibraryVersionModel,
  ) {}

  async create(item: LibraryItem, version: LibraryVersion): Promise<boolean> {
    // The version first: an item is listed only once its version is there.
    try {
      await this.versionDocs.create({ _id: versionId(item.id, version.version), ...version });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    const { id, ...rest } = item;
    try {
      await this.items.create({
        _id: id,
        ...rest,
        refs: { eventId: rest.refs.eventId ?? null, proposalId: rest.refs.proposalId ?? null },
      });
      return true;
    } catch (error) {
      await this.versionDocs.deleteOne({ _id: versionId(item.id, version.version) });
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async addVersion(version: LibraryVersion, expected: number): Promise<boolean> {
    try {
      await this.versionDocs.create({ _id: versionId(version.itemId, version.version), ...version });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    const moved = await this.items.updateOne(
      { _id: version.itemId, latestVersion: expected, withdrawn: false },
      { $set: { latestVersion: version.version, language: version.language, updatedAt: version.createdAt } },
    );
    if (moved.modifiedCount === 1) return true;
    await this.versionDocs.deleteOne({ _id: versionId(version.itemId, version.version) });
    return false;
  }

  async find(id: string): Promise<LibraryItem | undefined> {
    const doc = await this.items.findById(id).lean<ItemDoc>();
    return doc ? toItem(doc) : undefined;
  }

  async list(filter: LibraryItemFilter): Promise<LibraryItem[]> {
    if (filter.audienceKeys.length === 0) return [];
    const docs = await this.items
      .find({
        audienceKey: { $in: [...filter.audienceKeys] },
        withdrawn: false,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.domain ? { domain: filter.domain } : {}),
        ...(filter.language ? { language: filter.language } : {}),
        ...(filter.eventId ? { 'refs.eventId': filter.eventId } : {}),
        ...(filter.proposalId ? { 'refs.proposalId': filter.proposalId } : {}),
      })
      .sort({ updatedAt: -1, _id: 1 })
      .limit(2000)
      .lean<ItemDoc[]>();
    return docs.map(toItem);
  }

  async versions(itemId: string): Promise<LibraryVersion[]> {
    const docs = await this.versionDocs.find({ itemId }).sort({ version: 1 }).lean<VersionDoc[]>();
    return docs.map(toVersion);
  }

  async versionsOf(keys: ReadonlyArray<{ itemId: string; version: number }>): Promise<LibraryVersion[]> {
    if (keys.length === 0) return [];
    const docs = await this.versionDocs
      .find({ _id: { $in: keys.map((key) => versionId(key.itemId, key.version)) } })
      .lean<VersionDoc[]>();
    return docs.map(toVersion);
  }

  async withdraw(id: string, at: Date): Promise<boolean> {
    const result = await this.items.updateOne(
      { _id: id, withdrawn: false },
      { $set: { withdrawn: true, withdrawnAt: at } },
    );
    return result.modifiedCount === 1;
  }
}

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

export class LibraryFilesRepository implements LibraryFileStore {
  constructor(
    private readonly files: LibraryFileModel,
    private readonly chunks: LibraryFileChunkModel,
  ) {}

  async begin(uploaderId: string, now: Date): Promise<string> {
    const doc = await this.files.create({ uploaderId, size: 0, chunks: 0, complete: false, createdAt: now });
    return doc._id.toHexString();
  }

  async putChunk(id: string, n: number, data: Buffer): Promise<void> {
    await this.chunks.create({ fileId: oid(id), n, data });
  }

  async finish(id: string, size: number, chunks: number): Promise<void> {
    await this.files.updateOne({ _id: oid(id) }, { $set: { size, chunks, complete: true } });
  }

  async find(id: string): Promise<LibraryFile | undefined> {
    return (await this.findMany([id]))[0];
  }

  async findMany(ids: readonly string[]): Promise<LibraryFile[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    if (valid.length === 0) return [];
    const docs = await this.files.find({ _id: { $in: valid.map(oid) } }).lean();
    return docs.map((doc) => ({
      id: doc._id.toHexString(),
      uploaderId: doc.uploaderId,
      size: doc.size,
      chunks: doc.chunks,
      complete: doc.complete ?? false,
      itemId: doc.itemId ?? null,
      createdAt: doc.createdAt,
    }));
  }

  async bind(ids: readonly string[], uploaderId: string, itemId: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.files.updateMany(
      { _id: { $in: ids.map(oid) }, uploaderId, complete: true, itemId: null },
      { $set: { itemId } },
    );
    return result.modifiedCount;
  }

  async *read(id: string): AsyncGenerator<Buffer> {
    const total = (await this.find(id))?.chunks ?? 0;
    for (let n = 0; n < total; n++) {
      const chunk = await this.chunks.findOne({ fileId: oid(id), n }).lean();
      if (!chunk) throw new Error(`library file ${id} is missing chunk ${n}`);
      yield toBuffer(chunk.data);
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.chunks.deleteMany({ fileId: { $in: ids.map(oid) } });
    await this.files.deleteMany({ _id: { $in: ids.map(oid) } });
  }

  async unboundBefore(cutoff: Date): Promise<string[]> {
    const docs = await this.files
      .find({ itemId: null, createdAt: { $lt: cutoff } })
      .select('_id')
      .limit(500)
      .lean();
    return docs.map((doc) => doc._id.toHexString());
  }
}

/** lean() hands back BSON Binary for Buffer fields. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof mongoose.mongo.Binary) return Buffer.from(value.buffer.subarray(0, value.position));
  throw new TypeError('library file chunk is not binary data');
}
