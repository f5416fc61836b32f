import mongoose, { Types } from 'mongoose';
import type { DocumentMeta } from '../../../shared/schemas/document-meta.js';
import type { CommentKind } from '../../../shared/schemas/documents.js';
import type {
  DocumentFile,
  DocumentFileStore,
  DocumentRecord,
  DocumentStore,
  StoredComment,
  StoredKey,
  StoredStage,
  StoredVersion,
} from '../../modules/documents/ports.js';
import type { DocumentModels } from '../models/document.model.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);
const validIds = (ids: readonly string[]): Types.ObjectId[] => ids.filter((id) => Types.ObjectId.isValid(id)).map(oid);

interface StageLean {
  stage: StoredStage['stage'];
  date: string;
  note?: string | null;
  byUserId: Types.ObjectId | string;
  at: Date;
}

export class DocumentsRepository implements DocumentStore {
  constructor(private readonly models: DocumentModels) {}

  async create(record: Omit<DocumentRecord, 'stages' | 'libraryItemId'>, now: Date): Promise<void> {
    await this.models.documents.create({
      _id: oid(record.proposalId),
      docId: record.docId,
      authorId: oid(record.authorId),
      metaJson: JSON.stringify(record.meta),
      stages: [],
      libraryItemId: null,
      createdAt: now,
    });
  }

  async find(proposalId: string): Promise<DocumentRecord | undefined> {
    if (!Types.ObjectId.isValid(proposalId)) return undefined;
    const doc = await this.models.documents.findById(proposalId).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async docIdTaken(docId: string): Promise<boolean> {
    return (await this.models.documents.countDocuments({ docId })) > 0;
  }

  async recent(limit: number): Promise<DocumentRecord[]> {
    const docs = await this.models.documents.find().sort({ createdAt: -1 }).limit(limit).lean();
    return docs.map(toRecord);
  }

  async addVersion(version: StoredVersion): Promise<void> {
    await this.models.versions.create({
      ...version,
      proposalId: oid(version.proposalId),
      authorId: oid(version.authorId),
      files: version.files.map((file) => ({ fileId: file.fileId, size: file.size })),
    });
  }

  async versions(proposalId: string): Promise<StoredVersion[]> {
    const docs = await this.models.versions
      .find({ proposalId: oid(proposalId) })
      .sort({ number: 1 })
      .lean();
    return docs.map(toVersion);
  }

  async latestVersions(proposalIds: string[]): Promise<StoredVersion[]> {
    if (proposalIds.length === 0) return [];
    const docs = await this.models.versions
      .find({ proposalId: { $in: validIds(proposalIds) } }, { body: 0 })
      .sort({ number: 1 })
      .lean();
    const latest = new Map<string, StoredVersion>();
    for (const doc of docs) latest.set(doc.proposalId.toHexString(), toVersion({ ...doc, body: '' }));
    return [...latest.values()];
  }

  async addKeys(keys: StoredKey[]): Promise<void> {
    for (const key of keys) {
      const where = {
        proposalId: oid(key.proposalId),
        version: key.version,
        userId: oid(key.userId),
        keyVersion: key.keyVersion,
      };
      await this.models.keys.updateOne(
        where,
        { $setOnInsert: { ...where, sealed: key.sealed, sharedBy: oid(key.sharedBy), at: key.at } },
        { upsert: true },
      );
    }
  }

  async keys(proposalIds: string[]): Promise<StoredKey[]> {
    if (proposalIds.length === 0) return [];
    const docs = await this.models.keys.find({ proposalId: { $in: validIds(proposalIds) } }).lean();
    return docs.map((doc) => ({
      proposalId: doc.proposalId.toHexString(),
      version: doc.version,
      userId: doc.userId.toHexString(),
      keyVersion: doc.keyVersion,
      sealed: doc.sealed,
      sharedBy: doc.sharedBy.toHexString(),
      at: doc.at,
    }));
  }

  async addComment(comment: Omit<StoredComment, 'id'>): Promise<StoredComment> {
    const doc = await this.models.comments.create({
      ...comment,
      proposalId: oid(comment.proposalId),
      byUserId: oid(comment.byUserId),
    });
    return { ...comment, id: doc._id.toHexString() };
  }

  async comments(proposalId: string): Promise<StoredComment[]> {
    const docs = await this.models.comments
      .find({ proposalId: oid(proposalId) })
      .sort({ at: 1 })
      .lean();
    return docs.map((doc) => ({
      id: doc._id.toHexString(),
      proposalId: doc.proposalId.toHexString(),
      version: doc.version,
      kind: doc.kind as CommentKind,
      state: doc.state,
      byUserId: doc.byUserId.toHexString(),
      body: doc.body,
      signature: doc.signature,
      at: doc.at,
    }));
  }

  async commentCounts(proposalIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (proposalIds.length === 0) return counts;
    const docs = await this.models.comments
      .find({ proposalId: { $in: validIds(proposalIds) } }, { proposalId: 1 })
      .lean();
    for (const doc of docs) {
      const id = doc.proposalId.toHexString();
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  async addStage(proposalId: string, stage: StoredStage): Promise<void> {
    await this.models.documents.updateOne(
      { _id: oid(proposalId) },
      { $push: { stages: { ...stage, byUserId: oid(stage.byUserId) } } },
    );
  }

  async setLibraryItem(proposalId: string, itemId: string): Promise<boolean> {
    const result = await this.models.documents.updateOne(
      { _id: oid(proposalId), libraryItemId: null },
      { $set: { libraryItemId: itemId } },
    );
    return result.modifiedCount === 1;
  }
}

export class DocumentFilesRepository implements DocumentFileStore {
  constructor(private readonly models: DocumentModels) {}

  async save(uploaderId: string, pieces: Buffer[], size: number, now: Date): Promise<string> {
    const fileId = new Types.ObjectId();
    for (const [n, data] of pieces.entries()) await this.models.pieces.create({ fileId, n, data });
    // The file is listed only once every piece is stored: a half-stored upload is never usable.
    await this.models.files.create({
      _id: fileId,
      uploaderId: oid(uploaderId),
      proposalId: null,
      size,
      pieces: pieces.length,
      createdAt: now,
    });
    return fileId.toHexString();
  }

  async find(ids: string[]): Promise<DocumentFile[]> {
    if (ids.length === 0) return [];
    const docs = await this.models.files.find({ _id: { $in: validIds(ids) } }).lean();
    return docs.map((doc) => ({
      id: doc._id.toHexString(),
      uploaderId: doc.uploaderId.toHexString(),
      size: doc.size,
      proposalId: doc.proposalId ? doc.proposalId.toHexString() : null,
    }));
  }

  async bind(ids: string[], uploaderId: string, proposalId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.models.files.updateMany(
      { _id: { $in: validIds(ids) }, uploaderId: oid(uploaderId), proposalId: null },
      { $set: { proposalId: oid(proposalId) } },
    );
  }

  async *read(id: string): AsyncGenerator<Buffer> {
    const file = await this.models.files.findById(id).lean();
    if (!file) return;
    for (let n = 0; n < file.pieces; n++) {
      const piece = await this.models.pieces.findOne({ fileId: file._id, n }).lean();
      if (!piece) throw new Error(`document file ${id} lost piece ${n}`);
      yield toBuffer(piece.data);
    }
  }
}

/** lean() hands back BSON Binary for Buffer fields. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof mongoose.mongo.Binary) return Buffer.from(value.buffer.subarray(0, value.position));
  throw new TypeError('document file piece is not binary data');
}

function toRecord(doc: {
  _id: Types.ObjectId;
  docId: string;
  authorId: Types.ObjectId;
  metaJson: string;
  stages?: unknown[] | null;
  libraryItemId?: string | null;
}): DocumentRecord {
  return {
    proposalId: doc._id.toHexString(),
    docId: doc.docId,
    authorId: doc.authorId.toHexString(),
    meta: JSON.parse(doc.metaJson) as DocumentMeta,
    stages: ((doc.stages ?? []) as StageLean[]).map((stage) => ({
      stage: stage.stage,
      date: stage.date,
      note: stage.note ?? null,
      byUserId: String(stage.byUserId),
      at: new Date(stage.at),
    })),
    libraryItemId: doc.libraryItemId ?? null,
  };
}

function toVersion(doc: {
  proposalId: Types.ObjectId;
  number: number;
  head: string;
  body: string;
  files?: unknown[] | null;
  signature: string;
  authorId: Types.ObjectId;
  circulatedAt: Date;
  deadline: Date;
}): StoredVersion {
  return {
    proposalId: doc.proposalId.toHexString(),
    number: doc.number,
    head: doc.head,
    body: doc.body,
    files: ((doc.files ?? []) as Array<{ fileId: string; size: number }>).map(({ fileId, size }) => ({ fileId, size })),
    signature: doc.signature,
    authorId: doc.authorId.toHexString(),
    circulatedAt: doc.circulatedAt,
    deadline: doc.deadline,
  };
}
