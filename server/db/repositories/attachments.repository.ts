import mongoose, { Types } from 'mongoose';
import type { AttachmentChunkModel, AttachmentModel } from '../models/attachment.model.js';
import type { Attachment, AttachmentStore } from '../../modules/messaging/ports.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

export class AttachmentsRepository implements AttachmentStore {
  constructor(
    private readonly attachments: AttachmentModel,
    private readonly chunks: AttachmentChunkModel,
  ) {}

  async begin(uploaderId: string, now: Date): Promise<string> {
    const doc = await this.attachments.create({
      uploaderId: oid(uploaderId),
      size: 0,
      chunks: 0,
      complete: false,
      createdAt: now,
    });
    return doc._id.toHexString();
  }

  async putChunk(id: string, n: number, data: Buffer): Promise<void> {
    await this.chunks.create({ attachmentId: oid(id), n, data });
  }

  async finish(id: string, size: number, chunks: number): Promise<void> {
    await this.attachments.updateOne({ _id: oid(id) }, { $set: { size, chunks, complete: true } });
  }

  async find(id: string): Promise<Attachment | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.attachments.findById(id).lean();
    return doc
      ? {
          id: doc._id.toHexString(),
          uploaderId: doc.uploaderId.toHexString(),
          size: doc.size,
          chunks: doc.chunks,
          complete: doc.complete,
          messageId: doc.messageId ? doc.messageId.toHexString() : null,
          createdAt: doc.createdAt,
        }
      : undefined;
  }

  /** Binds unbound attachments of this uploader to a message; answers how many were bound. */
  async bind(ids: string[], uploaderId: string, messageId: string): Promise<number> {
    const result = await this.attachments.updateMany(
      { _id: { $in: ids.map(oid) }, uploaderId: oid(uploaderId), complete: true, messageId: null },
      { $set: { messageId: oid(messageId) } },
    );
    return result.modifiedCount;
  }

  async *read(id: string): AsyncGenerator<Buffer> {
    const total = (await this.find(id))?.chunks ?? 0;
    for (let n = 0; n < total; n++) {
      const chunk = await this.chunks.findOne({ attachmentId: oid(id), n }).lean();
      if (!chunk) throw new Error(`attachment ${id} is missing chunk ${n}`);
      yield toBuffer(chunk.data);
    }
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.chunks.deleteMany({ attachmentId: { $in: ids.map(oid) } });
    await this.attachments.deleteMany({ _id: { $in: ids.map(oid) } });
  }

  /** Uploads never bound to a message (abandoned or failed) after `cutoff`. */
  async unboundBefore(cutoff: Date): Promise<string[]> {
    const docs = await this.attachments
      .find({ messageId: null, createdAt: { $lt: cutoff } })
      .select('_id')
      .limit(500)
      .lean();
    return docs.map((d) => d._id.toHexString());
  }
}

/** lean() hands back BSON Binary for Buffer fields. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof mongoose.mongo.Binary) return Buffer.from(value.buffer.subarray(0, value.position));
  throw new TypeError('attachment chunk is not binary data');
}
