import { Types } from 'mongoose';
import type { NewParticipant, Participant, ParticipantStore } from '../../modules/events/ports.js';
import { isDuplicateKey } from '../database-errors.js';
import type { ParticipantDoc, ParticipantModel } from '../models/event.model.js';

export class EventParticipantsRepository implements ParticipantStore {
  constructor(private readonly model: ParticipantModel) {}

  async ofEvent(eventId: string): Promise<Participant[]> {
    return this.ofEvents([eventId]);
  }

  async ofEvents(eventIds: string[]): Promise<Participant[]> {
    if (eventIds.length === 0) return [];
    const docs = await this.model
      .find({ eventId: { $in: eventIds.map((id) => new Types.ObjectId(id)) } })
      .sort({ state: 1, registeredAt: 1, _id: 1 })
      .lean();
    return docs.map(toParticipant);
  }

  async eventIdsOfUser(userId: string): Promise<string[]> {
    const docs = await this.model.find({ userId: new Types.ObjectId(userId) }, { eventId: 1 }).lean();
    return docs.map((doc) => doc.eventId.toHexString());
  }

  async addAll(
    participants: NewParticipant[],
  ): Promise<{ ok: true; added: Participant[] } | { ok: false; duplicate: string }> {
    const docs = participants.map((participant) => ({
      _id: new Types.ObjectId(),
      ...participant,
      eventId: new Types.ObjectId(participant.eventId),
      userId: participant.userId ? new Types.ObjectId(participant.userId) : null,
      registeredBy: new Types.ObjectId(participant.registeredBy),
    }));
    try {
      await this.model.insertMany(docs, { ordered: true });
      return { ok: true, added: docs.map(toParticipant) };
    } catch (error) {
      // All or none: take back what went in before the duplicate.
      await this.model.deleteMany({ _id: { $in: docs.map((doc) => doc._id) } });
      if (!isDuplicateKey(error)) throw error;
      const eventId = new Types.ObjectId(participants[0]?.eventId);
      const taken = await this.model.find({ eventId, personKey: { $in: docs.map((doc) => doc.personKey) } }).lean();
      const name = participants.find((p) => taken.some((doc) => doc.personKey === p.personKey))?.name;
      return { ok: false, duplicate: name ?? 'a participant' };
    }
  }

  async remove(eventId: string, participantId: string): Promise<Participant | undefined> {
    if (!Types.ObjectId.isValid(participantId)) return undefined;
    const doc = await this.model
      .findOneAndDelete({ _id: new Types.ObjectId(participantId), eventId: new Types.ObjectId(eventId) })
      .lean();
    return doc ? toParticipant(doc) : undefined;
  }
}

function toParticipant(doc: ParticipantDoc): Participant {
  return {
    id: doc._id.toHexString(),
    eventId: doc.eventId.toHexString(),
    state: doc.state,
    userId: doc.userId ? doc.userId.toHexString() : null,
    name: doc.name,
    function: doc.function ?? null,
    personKey: doc.personKey,
    registeredBy: doc.registeredBy.toHexString(),
    registeredAt: doc.registeredAt,
  };
}
