import { isValidObjectId, type Types } from 'mongoose';
import type { WebhookEvent } from '../../../shared/schemas/webhooks.js';
import type {
  NewWebhookEndpoint,
  WebhookAttempt,
  WebhookAttemptStore,
  WebhookEndpoint,
  WebhookEndpointPatch,
  WebhookEndpointStore,
} from '../../modules/webhooks/ports.js';
import { isDuplicateKey } from '../database-errors.js';
import type {
  WebhookAttemptDoc,
  WebhookAttemptModel,
  WebhookEndpointDoc,
  WebhookEndpointModel,
} from '../models/webhook.model.js';

type EndpointDoc = WebhookEndpointDoc & { _id: Types.ObjectId };

export class WebhookEndpointsRepository implements WebhookEndpointStore {
  constructor(private readonly model: WebhookEndpointModel) {}

  async create(endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint> {
    const doc = await this.model.create({ ...endpoint, disabledReason: endpoint.disabledReason ?? null });
    return toEndpoint(doc.toObject());
  }

  async find(id: string): Promise<WebhookEndpoint | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toEndpoint(doc) : undefined;
  }

  async findWithSecret(id: string): Promise<(WebhookEndpoint & { secret: string }) | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const doc = await this.model.findById(id).select('+secret').lean();
    return doc ? { ...toEndpoint(doc), secret: doc.secret } : undefined;
  }

  async list(state?: string): Promise<WebhookEndpoint[]> {
    const docs = await this.model
      .find(state ? { state } : {})
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    return docs.map(toEndpoint);
  }

  countOfState(state: string): Promise<number> {
    return this.model.countDocuments({ state });
  }

  async subscribed(state: string, event: WebhookEvent): Promise<WebhookEndpoint[]> {
    const docs = await this.model.find({ state, enabled: true, events: event }).lean();
    return docs.map(toEndpoint);
  }

  async update(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint | undefined> {
    if (!isValidObjectId(id)) return undefined;
    // A plain update, then a read: FerretDB's findAndModify does not take the projection that hides the secret.
    await this.model.updateOne({ _id: id }, { $set: patch });
    return this.find(id);
  }

  async replaceSecret(id: string, secret: string, secretHint: string, at: Date): Promise<WebhookEndpoint | undefined> {
    if (!isValidObjectId(id)) return undefined;
    await this.model.updateOne({ _id: id }, { $set: { secret, secretHint, secretRotatedAt: at } });
    return this.find(id);
  }

  async delete(id: string): Promise<boolean> {
    if (!isValidObjectId(id)) return false;
    return (await this.model.deleteOne({ _id: id })).deletedCount > 0;
  }
}

export class WebhookAttemptsRepository implements WebhookAttemptStore {
  constructor(private readonly model: WebhookAttemptModel) {}

  async record(attempt: WebhookAttempt): Promise<void> {
    try {
      await this.model.create({
        _id: `${attempt.deliveryId}:${attempt.attempt}`,
        deliveryId: attempt.deliveryId,
        endpointId: attempt.endpointId,
        attempt: attempt.attempt,
        at: attempt.at,
        statusCode: attempt.statusCode ?? null,
        error: attempt.error ?? null,
        durationMs: attempt.durationMs,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async ofDeliveries(deliveryIds: readonly string[]): Promise<WebhookAttempt[]> {
    if (deliveryIds.length === 0) return [];
    const docs = await this.model.find({ deliveryId: { $in: deliveryIds } }).lean();
    return docs.map(toAttempt);
  }

  async deleteOfEndpoint(endpointId: string): Promise<void> {
    await this.model.deleteMany({ endpointId });
  }
}

function toEndpoint(doc: Omit<EndpointDoc, 'secret'> & { secret?: string }): WebhookEndpoint {
  return {
    id: doc._id.toHexString(),
    state: doc.state,
    url: doc.url,
    events: doc.events as WebhookEvent[],
    description: doc.description ?? '',
    enabled: doc.enabled,
    ...(doc.disabledReason === 'receiver-gone' ? { disabledReason: doc.disabledReason } : {}),
    secretHint: doc.secretHint,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    ...(doc.secretRotatedAt ? { secretRotatedAt: doc.secretRotatedAt } : {}),
  };
}

function toAttempt(doc: WebhookAttemptDoc): WebhookAttempt {
  return {
    deliveryId: doc.deliveryId,
    endpointId: doc.endpointId,
    attempt: doc.attempt,
    at: doc.at,
    ...(doc.statusCode !== null && doc.statusCode !== undefined ? { statusCode: doc.statusCode } : {}),
    ...(doc.error ? { error: doc.error } : {}),
    durationMs: doc.durationMs,
  };
}
