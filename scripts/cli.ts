/**
 * FocalNet command line: `npm run cli -- <command>`.
 *
 *   bootstrap       issue a one-time invitation link for the first network admin
 *                   (only while no network admin exists)
 *   audit:verify [--head <file.json>]  walk the audit log: segments, roots, signed heads and
 *                   witness co-signatures; with --head, that the log extends a saved head (exit 1)
 *   audit:find --request-id <id>  the audit entries a request appended (the id in its log lines;
 *                   exit 1 when none)
 *   seed:demo       a demo network: every member state with admins, focal points and entries
 *   backup <file> [--live]   every collection into a new, checksummed archive file
 *   restore <file>  an archive into an empty database; then the audit chain is checked
 *   backup:verify <file>     check an archive (checksum, counts, format) without a database
 *   signing-keys    the generations of the server's signing keys (renewals, replacements)
 *   signing-keys:replace --reason <text>   after a leak: the configured keys replace those in
 *                   force without their endorsement (members' clients will report it)
 */
import pino from 'pino';
import { ConfigError, loadConfig } from '../server/config.js';
import { composeModules } from '../server/composition/modules.js';
import * as opaque from '@serenity-kit/opaque';
import { resolveJwtSecret, resolveSigningSecret } from '../server/jwt-secret.js';
import { resolveOpaqueServerSetup } from '../server/opaque-server-setup.js';
import { issueBootstrapInvitation } from '../server/modules/accounts/invitations.js';
import { systemClock } from '../server/system/clock.js';
import { auditFindCommand } from './cli/audit-find.command.js';
import { auditVerifyCommand } from './cli/audit-verify.command.js';
import { backupCommand, restoreCommand, verifyBackupCommand } from './cli/backup.command.js';
import { openCliDatabase } from './cli/open-database.js';
import { seedDemo } from './cli/seed-demo.command.js';
import { replaceSigningKeysCommand, signingKeysCommand } from './cli/signing-keys.command.js';

const COMMANDS = [
  'bootstrap',
  'audit:verify',
  'audit:find',
  'seed:demo',
  'backup',
  'restore',
  'backup:verify',
  'opaque:setup',
  'signing-keys',
  'signing-keys:replace',
] as const;
type Command = (typeof COMMANDS)[number];

async function run(command: Command, args: string[]): Promise<number> {
  if (command === 'opaque:setup') {
    // A new OPAQUE server setup for OPAQUE_SERVER_SETUP; needs no database. Replacing one in use
    // makes every registration record useless (everyone would need a password reset).
    await opaque.ready;
    console.log(opaque.server.createSetup());
    return 0;
  }
  if (command === 'backup:verify') {
    // Needs no database and no configuration: an operator checks copies wherever they are kept.
    console.log(await verifyBackupCommand(args));
    return 0;
  }
  const config = loadConfig();
  const database = await openCliDatabase(config);
  try {
    const jwtSecret = resolveJwtSecret(config);
    const modules = composeModules(database.connection, {
      clock: systemClock,
      jwtSecret,
      signingSecret: resolveSigningSecret(config, jwtSecret),
      previousSigningSecret: config.signingKeyPreviousSecret,
      opaqueServerSetup: await resolveOpaqueServerSetup(config),
      logger: pino({ level: 'silent' }),
      publicOrigin: () => config.publicOrigin ?? `http://${config.host}:${config.port}`,
      revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
      livenessNotifier: { prompt: () => undefined },
      messageNotifier: { deliver: () => undefined, status: () => undefined },
    });
    switch (command) {
      // These two copy the database as it is: nothing is created or seeded first.
      case 'backup':
        console.log(await backupCommand(database, args, systemClock.now()));
        return 0;
      case 'restore': {
        const { code, report } = await restoreCommand(database, modules, args);
        (code === 0 ? console.log : console.error)(report);
        return code;
      }
      // These two read or change the key record itself, before the keys are settled (which would refuse).
      case 'signing-keys': {
        await modules.ensureIndexes();
        const { code, report } = await signingKeysCommand(modules);
        (code === 0 ? console.log : console.error)(report);
        return code;
      }
      case 'signing-keys:replace':
        await modules.ensureIndexes();
        console.log(await replaceSigningKeysCommand(modules, args));
        return 0;
    }
    await modules.prepare();
    switch (command) {
      case 'bootstrap': {
        const { link, expiresAt } = await issueBootstrapInvitation(modules.accounts);
        console.log(
          `One-time invitation for the first network admin (valid until ${expiresAt.toISOString()}; earlier bootstrap links no longer work):\n  ${link}`,
        );
        return 0;
      }
      case 'seed:demo': {
        console.log(await seedDemo(modules, config.env));
        return 0;
      }
      case 'audit:verify': {
        const { code, report } = await auditVerifyCommand(modules, args);
        (code === 0 ? console.log : console.error)(report);
        return code;
      }
      case 'audit:find': {
        const { code, report } = await auditFindCommand(modules, args);
        (code === 0 ? console.log : console.error)(report);
        return code;
      }
    }
  } finally {
    await database.close();
  }
}

const command = process.argv[2];
if (!COMMANDS.includes(command as Command)) {
  console.error(`usage: npm run cli -- <${COMMANDS.join('|')}>`);
  process.exit(2);
}
run(command as Command, process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Config errors and refusals (AppError) are one line for the operator; so is anything else.
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`focalnet ${command}: ${message}`);
    process.exit(1);
  },
);
