import { Types } from 'mongoose';
import type { LivenessScheduleDoc, LivenessScheduleModel } from '../models/liveness-schedule.model.js';
import type { LivenessSchedule, LivenessScheduleStore } from '../../modules/liveness/ports.js';

export class LivenessSchedulesRepository implements LivenessScheduleStore {
  constructor(private readonly model: LivenessScheduleModel) {}

  async all(): Promise<LivenessSchedule[]> {
    return (await this.model.find().lean()).map(toSchedule);
  }

  async find(key: string): Promise<LivenessSchedule | undefined> {
    const doc = await this.model.findById(key).lean();
    return doc ? toSchedule(doc) : undefined;
  }

  async put(schedule: LivenessSchedule): Promise<void> {
    const { key, ...rest } = schedule;
    await this.model.replaceOne(
      { _id: key },
      {
        ...rest,
        setBy: new Types.ObjectId(schedule.setBy),
        proposalId: schedule.proposalId ? new Types.ObjectId(schedule.proposalId) : null,
      },
      { upsert: true },
    );
  }

  async remove(key: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: key })).deletedCount > 0;
  }
}

function toSchedule(doc: LivenessScheduleDoc): LivenessSchedule {
  return {
    key: doc._id,
    state: doc.state ?? null,
    everyMonths: doc.everyMonths,
    answerHours: doc.answerHours,
    firstRunAt: doc.firstRunAt,
    setBy: doc.setBy.toHexString(),
    setAt: doc.setAt,
    proposalId: doc.proposalId ? doc.proposalId.toHexString() : null,
  };
}
