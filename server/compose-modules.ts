import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { auditEntryModel } from './db/models/audit-entry.model.js';
import { invitationModel } from './db/models/invitation.model.js';
import { refreshTokenModel } from './db/models/refresh-token.model.js';
import { userModel } from './db/models/user.model.js';
import { AuditRepository } from './db/repositories/audit.repository.js';
import { InvitationsRepository } from './db/repositories/invitations.repository.js';
import { RefreshTokensRepository } from './db/repositories/refresh-tokens.repository.js';
import { UsersRepository } from './db/repositories/users.repository.js';
import { accessTokenSigner } from './modules/accounts/access-tokens.js';
import type { AccountsDeps, SessionRevocations } from './modules/accounts/accounts-deps.js';
import { createAuditLog } from './modules/audit/audit-log.js';
import type { Clock } from './system/clock.js';

export interface Modules {
  accounts: AccountsDeps;
  auditEntries: AuditRepository;
  /** Creates the collections' indexes (unique usernames, audit seq, token hashes). */
  ensureIndexes(): Promise<void>;
}

/** Repositories and module dependencies over one database connection. */
export function composeModules(connection: Connection, options: { clock: Clock; jwtSecret: string; publicOrigin: () => string; revocations: SessionRevocations; logger: Logger }): Modules {
  const models = [userModel(connection), invitationModel(connection), refreshTokenModel(connection), auditEntryModel(connection)] as const;
  const [users, invitations, refreshTokens, auditEntries] = models;
  const auditRepository = new AuditRepository(auditEntries);
  const accounts: AccountsDeps = {
    users: new UsersRepository(users),
    invitations: new InvitationsRepository(invitations),
    refreshTokens: new RefreshTokensRepository(refreshTokens),
    audit: createAuditLog(auditRepository, options.clock),
    clock: options.clock,
    tokens: accessTokenSigner(options.jwtSecret),
    revocations: options.revocations,
    get publicOrigin() {
      return options.publicOrigin();
    },
  };
  return {
    accounts,
    auditEntries: auditRepository,
    async ensureIndexes() {
      for (const model of models) await model.createIndexes();
    },
  };
}
