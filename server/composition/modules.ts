import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { SEEDED_DOMAINS } from '../../shared/reference/domains.js';
import { MEMBER_STATES } from '../../shared/reference/member-states.js';
import { directoryEntryModel } from '../db/models/directory-entry.model.js';
import { invitationModel } from '../db/models/invitation.model.js';
import { livenessCheckModel, livenessTargetModel } from '../db/models/liveness.model.js';
import { memberStateModel } from '../db/models/member-state.model.js';
import { refreshTokenModel } from '../db/models/refresh-token.model.js';
import { settingModel } from '../db/models/setting.model.js';
import { claimModel } from '../db/models/claim.model.js';
import { ClaimsRepository } from '../db/repositories/claims.repository.js';
import { endedSessionModel } from '../db/models/ended-session.model.js';
import { EndedSessionsRepository } from '../db/repositories/ended-sessions.repository.js';
import { userModel } from '../db/models/user.model.js';
import type { AuditRepository } from '../db/repositories/audit.repository.js';
import { DirectoryEntriesRepository } from '../db/repositories/directory-entries.repository.js';
import { InvitationsRepository } from '../db/repositories/invitations.repository.js';
import { LivenessRepository } from '../db/repositories/liveness.repository.js';
import { livenessScheduleModel } from '../db/models/liveness-schedule.model.js';
import { LivenessSchedulesRepository } from '../db/repositories/liveness-schedules.repository.js';
import { MemberStatesRepository } from '../db/repositories/member-states.repository.js';
import { RefreshTokensRepository } from '../db/repositories/refresh-tokens.repository.js';
import { SettingsRepository } from '../db/repositories/settings.repository.js';
import { UsersRepository } from '../db/repositories/users.repository.js';
import { accessTokenSigner } from '../modules/accounts/access-tokens.js';
import { opaqueFlows } from '../modules/accounts/opaque-flows.js';
import type { AccountsDeps, PeopleNotifier, SessionRevocations } from '../modules/accounts/accounts-deps.js';
import { composeAuditLog, type ComposedServerKeys } from './audit-log.js';
import type { AuditLogDeps } from '../modules/audit/audit-log-deps.js';
import { DIRECTORY_REVISION, DirectoryIndex } from '../modules/directory/directory-index.js';
import type { DirectoryReadDeps } from '../modules/directory/read-directory.js';
import type { LivenessDeps, LivenessNotifier } from '../modules/liveness/liveness-deps.js';
import type { ApprovalNotifier, PoliciesDeps } from '../modules/policies/policies-deps.js';
import { createPolicyEnforcement } from '../modules/policies/enforce-policy.js';
import { messageModel } from '../db/models/message.model.js';
import { deliveryModel, deliveryRecordModel } from '../db/models/delivery.model.js';
import { attachmentChunkModel, attachmentModel } from '../db/models/attachment.model.js';
import { AttachmentsRepository } from '../db/repositories/attachments.repository.js';
import { MessagesRepository } from '../db/repositories/messages.repository.js';
import { DeliveryQueueRepository } from '../db/repositories/delivery-queue.repository.js';
import type { MessageNotifier, MessagingDeps } from '../modules/messaging/messaging-deps.js';
import { onApprovalSettled } from '../modules/messaging/held-messages.js';
import { policyCosignatureAlert } from '../modules/alerts/alerts-from-events.js';
import { composePolicies, DEFAULT_APPROVAL_TTL_HOURS } from './policies.js';
import type { Clock } from '../system/clock.js';
import { NO_METRICS, type MetricsPort } from '../system/metrics-port.js';
import {
  requestCaseModel,
  requestReferenceCounterModel,
  requestTransitionModel,
} from '../db/models/request-case.model.js';
import { RequestCasesRepository } from '../db/repositories/request-cases.repository.js';
import type { RequestNotifier, RequestsDeps } from '../modules/requests/requests-deps.js';
import { createRequestHook } from '../modules/requests/request-hook.js';
import { proposalModel } from '../db/models/proposal.model.js';
import { ProposalsRepository } from '../db/repositories/proposals.repository.js';
import { domainModel } from '../db/models/domain.model.js';
import { DomainsRepository } from '../db/repositories/domains.repository.js';
import { requireKnownDomains } from '../modules/directory/domains.js';
import type { ConsensusDeps, ConsensusNotifier } from '../modules/consensus/consensus-deps.js';
import { composeAlerts, type AlertChannelFactory, type Alerts } from './alerts.js';
import { alertingNotifiers } from './alerting-notifiers.js';
import { createDutyRoster, type DutyRoster } from '../modules/directory/duty-roster.js';
import { withDeputies } from './notifiers.js';
import { calendarFeedModel, eventModel, participantModel } from '../db/models/event.model.js';
import { EventsRepository } from '../db/repositories/events.repository.js';
import { EventParticipantsRepository } from '../db/repositories/event-participants.repository.js';
import { CalendarFeedsRepository } from '../db/repositories/calendar-feeds.repository.js';
import type { EventsDeps } from '../modules/events/events-deps.js';
import { centreModel, trainingRequestModel } from '../db/models/training.model.js';
import { CentresRepository, TrainingRequestsRepository } from '../db/repositories/training.repository.js';
import type { TrainingDeps } from '../modules/training/training-deps.js';
import { circularCopyModel, circularModel } from '../db/models/circular.model.js';
import { CircularsRepository } from '../db/repositories/circulars.repository.js';
import type { CircularNotifier, CircularsDeps } from '../modules/circulars/circulars-deps.js';
import { composeDocuments } from './documents.js';
import type { DocumentsDeps } from '../modules/documents/documents-deps.js';
import { composeLibrary } from './library.js';
import type { LibraryDeps } from '../modules/library/library-deps.js';
import { sweepLibraryFiles } from '../modules/library/library-files.js';
import { composeTravelDocuments } from './travel-documents.js';
import { CHANGE_LOG_KEEP_MS, type TravelDocumentsDeps } from '../modules/travel-documents/travel-documents-deps.js';
import { composeDualControl } from './dual-control.js';
import type { DualControlDeps } from '../modules/dual-control/dual-control-deps.js';
import { nationalAdminActions } from '../modules/accounts/national-admin-actions.js';

/** For compositions without sockets (CLI, seeding): nobody to tell. */
const SILENT_REQUESTS: RequestNotifier = {
  updated: () => undefined,
  reminder: () => undefined,
  overdue: () => undefined,
};

export interface Modules {
  accounts: AccountsDeps;
  directory: DirectoryReadDeps;
  liveness: LivenessDeps;
  auditEntries: AuditRepository;
  /** The audit log's heads, proofs, witnesses and discrepancy reports. */
  auditLog: AuditLogDeps;
  /** The generations of the server's signing keys: settled at start, read by whoever verifies the log. */
  serverKeys: ComposedServerKeys;
  policies: PoliciesDeps;
  messaging: MessagingDeps;
  requests: RequestsDeps;
  consensus: ConsensusDeps;
  /** Centres of Excellence and training requests between states. */
  training: TrainingDeps;
  /** Documents for comment under the silence procedure (sealed drafts, comments, revisions). */
  documents: DocumentsDeps;
  /** The outbox and the channels that take alerts outside the app (e-mail, webhooks). */
  alerts: Alerts;
  /** Who stands in for whom right now (away with a deputy): for alerts. */
  dutyRoster: DutyRoster;
  /** The events calendar: events, registrations, personal feeds, reminders. */
  events: EventsDeps;
  circulars: CircularsDeps;
  /** The shared library: shelves, their sealed keys, items and files (ciphertext only). */
  library: LibraryDeps;
  /** Lost and stolen travel documents: key rings, keyed listings, the sync's change log, screening counts. */
  travelDocuments: TravelDocumentsDeps;
  /** Actions that take two people: the first asks, a second approves (national admins' activation, suspension, removal). */
  dualControl: DualControlDeps;
  /** Creates the indexes (idempotent). */
  ensureIndexes(): Promise<void>;
  /** Creates indexes and seeds the member states and domains (idempotent; run at every start). */
  prepare(): Promise<void>;
  /** Forgets what has expired: refresh tokens and single-use claims past their use (no TTL indexes on FerretDB). */
  housekeeping(): Promise<void>;
}

/** Sent and failed notifications stay listed (for people and their national admins) this long. */
const OUTBOX_KEEP_MS = 90 * 86_400_000;

/** A session is renewed for at most 7 days after its sign-in unless configured (SESSION_MAX_DAYS). */
const DEFAULT_SESSION_MAX_AGE_MS = 7 * 86_400_000;

/** Repositories and module dependencies over one database connection. */
export function composeModules(
  connection: Connection,
  options: {
    clock: Clock;
    jwtSecret: string;
    /** Seeds the audit log's key (SIGNING_KEY_SECRET); default: the JWT secret. */
    signingSecret?: string;
    /** The signing secret in force while renewing the keys (SIGNING_KEY_PREVIOUS_SECRET). */
    previousSigningSecret?: string | undefined;
    opaqueServerSetup: string;
    publicOrigin: () => string;
    revocations: SessionRevocations;
    livenessNotifier: LivenessNotifier;
    messageNotifier: MessageNotifier;
    requestNotifier?: RequestNotifier;
    consensusNotifier?: ConsensusNotifier;
    approvalNotifier?: ApprovalNotifier;
    peopleNotifier?: PeopleNotifier;
    circularNotifier?: CircularNotifier;
    /** The ways out of the app alerts also take (none: sockets only). */
    alertChannels?: readonly AlertChannelFactory[];
    attachmentMaxMb?: number;
    logger: Logger;
    approvalTtlHours?: number;
    sessionMaxAgeMs?: number;
    /** What the modules report to the metrics (none: CLI, seeding, benchmarks). */
    metrics?: MetricsPort;
  },
): Modules {
  const models = [
    userModel(connection),
    invitationModel(connection),
    refreshTokenModel(connection),
    memberStateModel(connection),
    directoryEntryModel(connection),
    settingModel(connection),
    livenessCheckModel(connection),
    livenessTargetModel(connection),
    messageModel(connection),
    deliveryModel(connection),
    attachmentModel(connection),
    attachmentChunkModel(connection),
    claimModel(connection),
    requestCaseModel(connection),
    requestTransitionModel(connection),
    requestReferenceCounterModel(connection),
    proposalModel(connection),
    domainModel(connection),
    endedSessionModel(connection),
    deliveryRecordModel(connection),
    livenessScheduleModel(connection),
    eventModel(connection),
    participantModel(connection),
    calendarFeedModel(connection),
    centreModel(connection),
    trainingRequestModel(connection),
    circularModel(connection),
    circularCopyModel(connection),
  ] as const;
  const [
    users,
    invitations,
    refreshTokens,
    memberStates,
    directoryEntries,
    settings,
    livenessChecks,
    livenessTargets,
    messages,
    deliveries,
    attachments,
    attachmentChunks,
    claimsModel,
    requestCases,
    requestTransitions,
    requestReferenceCounters,
    proposals,
    domainModels,
    endedSessionDocs,
    deliveryRecords,
    livenessScheduleDocs,
    eventDocs,
    participantDocs,
    calendarFeedDocs,
    centreDocs,
    trainingRequestDocs,
    circularDocs,
    circularCopyDocs,
  ] = models;
  const claims = new ClaimsRepository(claimsModel);
  const endedSessions = new EndedSessionsRepository(endedSessionDocs);
  const { clock } = options;
  const metrics = options.metrics ?? NO_METRICS;
  const auditLog = composeAuditLog(connection, {
    clock,
    keySecret: options.signingSecret ?? options.jwtSecret,
    previousKeySecret: options.previousSigningSecret,
    metrics,
    logger: options.logger,
  });
  const { store: auditRepository, audit } = auditLog;
  const usersRepository = new UsersRepository(users, claims);
  const statesRepository = new MemberStatesRepository(memberStates);
  const domainsRepository = new DomainsRepository(domainModels);
  const settingsRepository = new SettingsRepository(settings);
  const alerts = composeAlerts(
    {
      connection,
      users: usersRepository,
      claims,
      audit,
      clock,
      logger: options.logger,
      publicOrigin: options.publicOrigin,
    },
    {
      async nationalAdmins(state) {
        const admins = await usersRepository.list({
          role: 'national-admin',
          status: 'active',
          ...(state ? { state } : {}),
        });
        return admins.map((admin) => admin.id);
      },
      // The roster reads the directory, made below; alerts are raised only once everything is built.
      deputiesOf: (userId) => dutyRoster.deputiesOf(userId),
    },
    options.alertChannels ?? [],
  );
  const notify = alertingNotifiers(
    {
      livenessNotifier: options.livenessNotifier,
      messageNotifier: options.messageNotifier,
      requestNotifier: withDeputies(
        options.requestNotifier ?? SILENT_REQUESTS,
        { deputiesOf: (userId) => dutyRoster.deputiesOf(userId) },
        (error) => options.logger.warn({ err: error }, 'could not push a request notice to a deputy'),
      ),
      consensusNotifier: options.consensusNotifier ?? { updated: () => undefined, closing: () => undefined },
      approvalNotifier: options.approvalNotifier ?? { updated: () => undefined },
    },
    alerts,
    clock,
  );
  const livenessSchedules = new LivenessSchedulesRepository(livenessScheduleDocs);

  // A published policy version may change which directory fields other states see: this node's index reloads them at once.
  const policies = composePolicies(connection, {
    audit,
    clock,
    logger: options.logger,
    approvalTtlHours: options.approvalTtlHours ?? DEFAULT_APPROVAL_TTL_HOURS,
    onPublished: () => directory.index.invalidate(),
    approvalNotifier: notify.approvalNotifier,
    // The state's national admins hear of a version waiting for a second signature (e-mail, webhooks).
    cosignNotifier: {
      awaiting: (state, notice) => void alerts.raise(policyCosignatureAlert(state, notice, clock.now())),
    },
    isMemberState: async (code) => (await statesRepository.find(code)) !== undefined,
    requireKnownDomains: (codes, path) => requireKnownDomains(directory.index, codes, path),
    metrics,
  });
  const directoryBase = {
    users: usersRepository,
    entries: new DirectoryEntriesRepository(directoryEntries),
    states: statesRepository,
    domains: domainsRepository,
    settings: settingsRepository,
    audit,
    clock,
    policies: policies.deps.store,
  };
  const directory: DirectoryReadDeps = { ...directoryBase, index: new DirectoryIndex(directoryBase) };
  const dutyRoster = createDutyRoster(directory.index, clock);
  const liveness: LivenessDeps = {
    checks: new LivenessRepository(livenessChecks, livenessTargets, claims),
    schedules: livenessSchedules,
    claims,
    users: usersRepository,
    index: directory.index,
    audit,
    clock,
    notifier: notify.livenessNotifier,
  };
  const policy = createPolicyEnforcement(policies.deps);
  // Requests read the stored messages; messaging hands request envelopes to requests (its hook).
  const deliveryQueue = new DeliveryQueueRepository(deliveries, deliveryRecords);
  const messagesRepository = new MessagesRepository(messages, deliveryQueue);
  const requests: RequestsDeps = {
    cases: new RequestCasesRepository(requestCases, requestTransitions, requestReferenceCounters),
    claims,
    messages: messagesRepository,
    users: usersRepository,
    audit,
    clock,
    notifier: notify.requestNotifier,
    index: directory.index,
  };
  const messaging: MessagingDeps = {
    messages: messagesRepository,
    deliveries: deliveryQueue,
    attachments: new AttachmentsRepository(attachments, attachmentChunks),
    maxAttachmentBytes: (options.attachmentMaxMb ?? 50) * 2 ** 20,
    users: usersRepository,
    index: directory.index,
    policy,
    audit,
    clock,
    notifier: notify.messageNotifier,
    maxClockSkewMs: 5 * 60_000,
    requests: createRequestHook(requests),
    metrics,
  };
  policy.onApprovalSettled((event) => onApprovalSettled(messaging, event));

  // Approving a request carries out an account action: the actions are read once accounts exist.
  const dualControl = composeDualControl(connection, {
    users: usersRepository,
    audit,
    clock,
    raiseAlert: (alert) => alerts.raise(alert),
    actions: () => nationalAdminActions(accounts),
    subjectChanged: (subjectId) =>
      void usersRepository
        .findById(subjectId)
        .then((subject) => subject && accounts.people.updated(subject))
        .catch((error: unknown) => options.logger.warn({ err: error }, 'could not push a second-approval change')),
  });
  const accounts: AccountsDeps = {
    users: usersRepository,
    invitations: new InvitationsRepository(invitations, claims),
    refreshTokens: new RefreshTokensRepository(refreshTokens, claims),
    states: statesRepository,
    audit,
    clock,
    tokens: accessTokenSigner(options.jwtSecret),
    opaque: opaqueFlows(options.opaqueServerSetup, options.jwtSecret, claims),
    revocations: options.revocations,
    people: options.peopleNotifier ?? { updated: () => undefined },
    dualControl: dualControl.secondApprovals,
    endedSessions,
    actors: {
      async findById(id) {
        const [user, ended] = await Promise.all([usersRepository.findById(id), endedSessions.ofUser(id, clock.now())]);
        return user ? { ...user, endedSessions: ended } : undefined;
      },
    },
    sessionMaxAgeMs: options.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS,
    get publicOrigin() {
      return options.publicOrigin();
    },
    async directoryChanged() {
      await settingsRepository.bump(DIRECTORY_REVISION, clock.now());
      directory.index.invalidate();
    },
  };
  const consensus: ConsensusDeps = {
    proposals: new ProposalsRepository(proposals, claims),
    states: statesRepository,
    domains: domainsRepository,
    settings: settingsRepository,
    livenessSchedules,
    audit,
    clock,
    notifier: notify.consensusNotifier,
    directoryChanged: () => accounts.directoryChanged(),
  };
  const events: EventsDeps = {
    events: new EventsRepository(eventDocs),
    participants: new EventParticipantsRepository(participantDocs),
    feeds: new CalendarFeedsRepository(calendarFeedDocs),
    users: usersRepository,
    index: directory.index,
    claims,
    audit,
    clock,
    raise: (alert) => alerts.raise(alert),
    publicOrigin: options.publicOrigin,
  };
  // A training request is planned as an event of the calendar hosted by the request's host state.
  const training: TrainingDeps = {
    centres: new CentresRepository(centreDocs),
    requests: new TrainingRequestsRepository(trainingRequestDocs),
    claims,
    index: directory.index,
    audit,
    clock,
    raiseAlert: (alert) => alerts.raise(alert),
    plannedEvents: { hostOf: async (eventId) => (await events.events.find(eventId))?.hostState ?? undefined },
  };
  const circulars: CircularsDeps = {
    circulars: new CircularsRepository(circularDocs, circularCopyDocs),
    users: usersRepository,
    index: directory.index,
    policy,
    audit,
    clock,
    notifier: options.circularNotifier ?? { arrived: () => undefined },
    raiseAlerts: async (list) => void (await Promise.all(list.map((alert) => alerts.raise(alert)))),
    maxClockSkewMs: messaging.maxClockSkewMs,
  };
  const documents = composeDocuments(connection, {
    consensus,
    audience: { index: directory.index, users: usersRepository },
    audit,
    clock,
  });
  const library = composeLibrary(connection, { users: usersRepository, index: directory.index, audit, clock });
  const travelDocuments = composeTravelDocuments(connection, {
    settings: settingsRepository,
    users: usersRepository,
    index: directory.index,
    policy,
    audit,
    clock,
  });
  const ensureIndexes = async (): Promise<void> => {
    for (const model of models) await model.createIndexes();
    await documents.ensureIndexes();
    await library.ensureIndexes();
    await travelDocuments.ensureIndexes();
    await policies.ensureIndexes();
    await alerts.ensureIndexes();
    await dualControl.ensureIndexes();
    await auditLog.ensureIndexes();
  };
  return {
    accounts,
    directory,
    consensus,
    documents: documents.deps,
    dutyRoster,
    liveness,
    events,
    auditEntries: auditRepository,
    serverKeys: auditLog.keys,
    auditLog: auditLog.deps({
      users: usersRepository,
      raiseAlert: (alert) => alerts.raise(alert),
    }),
    policies: policies.deps,
    messaging,
    requests,
    training,
    alerts,
    circulars,
    library: library.deps,
    travelDocuments: travelDocuments.deps,
    dualControl: dualControl.deps,
    async housekeeping() {
      await claims.deleteExpired(clock.now());
      await accounts.refreshTokens.deleteExpired(clock.now());
      await endedSessions.deleteExpired(clock.now());
      await alerts.outbox.forgetSettled(new Date(clock.now().getTime() - OUTBOX_KEEP_MS));
      await sweepLibraryFiles(library.deps);
      await travelDocuments.deps.changes.compact(new Date(clock.now().getTime() - CHANGE_LOG_KEEP_MS));
    },
    ensureIndexes,
    async prepare() {
      await ensureIndexes();
      // Before anything is appended: the old trail is moved into an empty log only.
      await auditLog.migrate();
      // Before anything else is appended: no head is signed by keys the record cannot trace.
      await auditLog.keys.settle();
      await statesRepository.seed(MEMBER_STATES, clock.now());
      await domainsRepository.seed(SEEDED_DOMAINS, clock.now());
    },
  };
}
