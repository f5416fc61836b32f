import { wrapForStorage } from '../../shared/crypto/key-wrap.js';
import { generateUserKeys, publicKeyBundle } from '../../shared/crypto/keys.js';
import { generateRecoveryKey } from '../../shared/crypto/recovery-key.js';
import { signPolicy } from '../../shared/crypto/policy-sign.js';
import { MEMBER_STATES } from '../../shared/reference/member-states.js';
import type { Role } from '../../shared/schemas/accounts.js';
import type { DirectoryFieldRule } from '../../shared/schemas/policy.js';
import { SEEDED_DOMAIN_CODES } from '../../shared/schemas/labels.js';
import type { Modules } from '../../server/composition/modules.js';
import type { KeyStretching } from '../../shared/crypto/opaque-format.js';
import { registerOpaqueLocally } from './opaque-local-registration.js';
import { storeSignedPolicy } from '../../server/modules/policies/publish-policy.js';
import { DEMO_AUTHORITIES, DEMO_LANGUAGES, DEMO_NAMES } from './demo-data.js';

export const DEMO_PASSWORD = 'demo-harbour-lantern-2026';
/** Demo passwords are registered with lighter argon2id settings so seeding ~140 people takes seconds. */
const DEMO_STRETCHING: KeyStretching = { alg: 'argon2id', iterations: 2, memoryKib: 16 * 1024, parallelism: 1 };

/**
 * A demo network: every member state with a national admin and focal points for the domains it
 * takes part in (most states all four), directory entries in English and Russian, and a few
 * field visibility restrictions in signed disclosure policies (e.g. Kazakhstan shows phone
 * numbers to Russia only). Refuses to run
 * in production or twice.
 */
export async function seedDemo(modules: Modules, env: string): Promise<string> {
  if (env === 'production') throw new Error('refusing to seed demo data with NODE_ENV=production');
  const { users, states } = modules.accounts;
  if (await users.findByUsername('admin.kz')) throw new Error('demo data is present already (admin.kz exists)');
  const now = modules.accounts.clock.now();
  let people = 0;
  let nameIndex = 0;
  const directoryFields: Record<string, DirectoryFieldRule[]> = {
    KZ: [
      {
        field: 'contacts.phone',
        visibleTo: ['RU'],
        secretariat: true,
        legalBasis: { en: 'Demo: Law on communications, art. 5', ru: 'Демо: Закон о связи, ст. 5' },
      },
    ],
    CN: [
      {
        field: 'title',
        visibleTo: [],
        secretariat: true,
        legalBasis: { en: 'Demo: Civil service regulations, art. 12' },
      },
    ],
  };

  for (const [index, state] of MEMBER_STATES.entries()) {
    const code = state.code.toLowerCase();
    const domains =
      index % 7 === 3 ? SEEDED_DOMAIN_CODES.filter((d) => d !== 'non-proliferation') : [...SEEDED_DOMAIN_CODES];
    await states.setDomains(state.code, domains, now);
    const create = (
      username: string,
      role: 'national-admin' | 'focal-point',
      displayName: string,
      userDomains: string[],
    ) => {
      people += 1;
      return createDemoUser(modules, { username, role, displayName, state: state.code, domains: userDomains, now });
    };
    const admin = await create(`admin.${code}`, 'national-admin', `${state.name.en} national administrator`, []);
    const fields = directoryFields[state.code];
    if (fields) {
      // Field visibility is part of the state's disclosure policy, signed by its national admin.
      const signed = await signPolicy(
        { state: state.code, version: 1, defaultEffect: 'allow', rules: [], directoryFields: fields },
        admin.keys.identity.privateKey,
      );
      await storeSignedPolicy(modules.policies, admin.user, state.code, signed);
    }
    for (const domain of domains) {
      const name = DEMO_NAMES[nameIndex++ % DEMO_NAMES.length] ?? { en: 'Officer', ru: 'Сотрудник' };
      const authority = DEMO_AUTHORITIES[domain] ?? DEMO_AUTHORITIES.border;
      const { user } = await create(`fp.${code}.${domain}`, 'focal-point', name.en, [domain]);
      await modules.directory.entries.upsert(
        user.id,
        {
          kind: domain === 'border' ? 'duty-desk' : 'person',
          name:
            domain === 'border'
              ? { en: `${state.name.en} border duty desk`, ru: `Дежурная часть (${state.name.ru})` }
              : name,
          ...(authority ? { authority: { en: authority.en, ru: authority.ru }, title: authority.title } : {}),
          role: domain === 'non-proliferation' ? 'policy' : 'operational',
          languages: DEMO_LANGUAGES[state.code] ?? ['en'],
          available24x7: domain === 'border',
          contacts: [
            { type: 'email', value: `${domain}@focal.${code}.example` },
            { type: 'phone', value: `+00 ${100 + index} 555 ${String(1000 + nameIndex).slice(-4)}` },
          ],
        },
        now,
      );
    }
  }
  people += await seedSecretariat(modules, now);
  await modules.accounts.directoryChanged();
  await modules.accounts.audit.append({ type: 'directory.settings-changed', data: { demoSeeded: true, people } });
  return (
    `Seeded ${people} demo accounts in ${MEMBER_STATES.length} member states.\n` +
    `Sign in as e.g. fp.cn.border (a focal point), admin.kz (a national admin) or secretariat (the network admin; admins set up TOTP at first sign-in) with the password: ${DEMO_PASSWORD}\n` +
    'Usernames: admin.<state>, fp.<state>.<domain> with <state> the lower-case ISO code and <domain> one of border, law-enforcement, economic-crime, non-proliferation.'
  );
}

async function createDemoUser(
  modules: Modules,
  input: { username: string; role: Role; displayName: string; state: string | null; domains: string[]; now: Date },
) {
  const keys = await generateUserKeys();
  const recovery = await generateRecoveryKey();
  // The seeder is the demo people's client: their passwords are registered by OPAQUE like anyone's.
  const { record, exportKey } = await registerOpaqueLocally(
    modules.accounts.opaque.serverSetup,
    input.username,
    DEMO_PASSWORD,
    DEMO_STRETCHING,
  );
  const user = await modules.accounts.users.create({
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    state: input.state,
    domains: input.domains,
    status: 'active',
    opaque: { record, stretching: DEMO_STRETCHING },
    keys: { ...(await publicKeyBundle(keys)), keyVersion: 1, createdAt: input.now, verifiedAt: input.now },
    wrappedKeys: await wrapForStorage(keys, exportKey, recovery.bytes, input.username),
    invitedBy: null,
    now: input.now,
  });
  exportKey.fill(0);
  return { user, keys };
}

/**
 * The secretariat's account, and one open network decision for the member states to answer (adding
 * a maritime security domain, silence procedure, two weeks), so the consensus pages show something.
 * Stored directly, as the demo's admins have no TOTP yet. Returns the accounts created (0 or 1).
 */
async function seedSecretariat(modules: Modules, now: Date): Promise<number> {
  if (await modules.accounts.users.findByUsername('secretariat')) return 0;
  const { user } = await createDemoUser(modules, {
    username: 'secretariat',
    role: 'network-admin',
    displayName: 'CICA Secretariat',
    state: null,
    domains: [],
    now,
  });
  const electorate = (await modules.consensus.states.all()).map((state) => state.code);
  const proposal = await modules.consensus.proposals.create({
    change: {
      kind: 'add-domain',
      domain: { code: 'maritime-security', name: { en: 'Maritime security', ru: 'Морская безопасность' } },
    },
    procedure: 'silence',
    rationale: 'Demo: several coastal states asked for a focal points network on piracy and smuggling at sea.',
    proposedBy: user.id,
    proposedAt: now,
    deadline: new Date(now.getTime() + 14 * 86_400_000),
    electorate,
  });
  await modules.consensus.audit.append({
    type: 'consensus.proposed',
    actorId: user.id,
    subjectId: proposal.id,
    data: { kind: 'add-domain', procedure: 'silence', electorate: electorate.length, demo: true },
  });
  return 1;
}
