import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A state's part in the lost and stolen travel documents scheme: `_id` is the state code. */
const ParticipationSchema = new Schema(
  {
    _id: { type: String, required: true },
    participating: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    changedBy: { type: String, required: true },
  },
  { versionKey: false },
);

/** A key ring ("network", "state:XX") and its current epoch: `_id` is the ring. */
const RingSchema = new Schema(
  {
    _id: { type: String, required: true },
    epoch: { type: Number, required: true },
    epochStartedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** One holder's sealed copy of one epoch's ring key: `_id` = `<ring>|<epoch>|<holder>`. */
const RingGrantSchema = new Schema(
  {
    _id: { type: String, required: true },
    ring: { type: String, required: true },
    epoch: { type: Number, required: true },
    holderId: { type: String, required: true },
    keyVersion: { type: Number, required: true },
    sealedKey: { type: String, required: true },
    signature: { type: String, required: true },
    grantedBy: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
RingGrantSchema.index({ ring: 1, epoch: 1 });

/**
 * One listing: a keyed tag (base64url, and as lower-case hex for the bucket's range query), the
 * details sealed under a key only the number gives, the state's own copy sealed under its ring.
 * Strict: nothing else can be stored with it.
 */
const EntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true, enum: ['listed', 'withdrawn'] },
    networkEpoch: { type: Number, required: true },
    tag: { type: String, required: true },
    tagHex: { type: String, required: true },
    details: { type: String, required: true },
    own: {
      stateEpoch: { type: Number, required: true },
      ciphertext: { type: String, required: true },
    },
    listedBy: { type: String, required: true },
    listedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
    withdrawReason: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw' },
);
EntrySchema.index({ state: 1, status: 1, _id: 1 });
EntrySchema.index({ state: 1, tag: 1 });
EntrySchema.index({ tagHex: 1 });
EntrySchema.index({ listedAt: 1 });
EntrySchema.index({ withdrawnAt: 1 });

const SyncRowSchema = new Schema(
  {
    /** Entry id, listing state, network epoch, the tag's first 8 bytes in hex. */
    i: { type: String, required: true },
    s: { type: String, required: true },
    e: { type: Number, required: true },
    p: { type: String, required: true },
  },
  { _id: false },
);

/** One change of the listed set (`_id`: its sequence number, taken by a unique insert). */
const ChangeSchema = new Schema(
  {
    _id: { type: Number, required: true },
    at: { type: Date, required: true },
    added: { type: [SyncRowSchema], default: [] },
    removed: { type: [SyncRowSchema], default: [] },
  },
  { versionKey: false },
);
ChangeSchema.index({ at: 1 });

/** A screening client's counts: `_id` is the report's id (a retry is the same report). */
const ScreeningSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    month: { type: String, required: true },
    screened: { type: Number, required: true },
    hits: { type: Number, required: true },
    reportedBy: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
ScreeningSchema.index({ month: 1, state: 1 });

/** A cleared hit's marker, keyed by the screening state's ring key: `_id` = `<state>|<marker>`. */
const ClearedSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    stateEpoch: { type: Number, required: true },
    marker: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
ClearedSchema.index({ state: 1, at: 1 });

export type ParticipationModel = Model<InferSchemaType<typeof ParticipationSchema>>;
export type RingModel = Model<InferSchemaType<typeof RingSchema>>;
export type RingGrantModel = Model<InferSchemaType<typeof RingGrantSchema>>;
export type EntryModel = Model<InferSchemaType<typeof EntrySchema>>;
export type ChangeModel = Model<InferSchemaType<typeof ChangeSchema>>;
export type ScreeningModel = Model<InferSchemaType<typeof ScreeningSchema>>;
export type ClearedModel = Model<InferSchemaType<typeof ClearedSchema>>;

export const travelDocumentModels = (c: Connection) => ({
  participation: c.model('TravelDocumentState', ParticipationSchema, 'travel_document_states') as ParticipationModel,
  rings: c.model('TravelDocumentRing', RingSchema, 'travel_document_rings') as RingModel,
  grants: c.model('TravelDocumentGrant', RingGrantSchema, 'travel_document_grants') as RingGrantModel,
  entries: c.model('TravelDocumentEntry', EntrySchema, 'travel_document_entries') as EntryModel,
  changes: c.model('TravelDocumentChange', ChangeSchema, 'travel_document_changes') as ChangeModel,
  screenings: c.model('TravelDocumentScreening', ScreeningSchema, 'travel_document_screenings') as ScreeningModel,
  cleared: c.model('TravelDocumentCleared', ClearedSchema, 'travel_document_cleared') as ClearedModel,
});
export type TravelDocumentModels = ReturnType<typeof travelDocumentModels>;
