import type { StartOptions } from '../../server/start-server.js';
import type { DomainCode } from '../../shared/schemas/labels.js';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, type TestPerson } from './accounts.js';
import { sdkNetworkAdmin, type SdkPerson } from './sdk.js';
import { sdkFocalPoint, sdkNationalAdmin, type SdkMember } from './sdk-people.js';
import { startTestServer, type TestServer } from './test-server.js';

/** One member state of a test network. */
export interface StateSpec {
  /** Active national admins with TOTP (default 1; a state with focal points needs one). */
  admins?: number;
  /** The domains the state takes part in (default: every domain). */
  participation?: DomainCode[];
  /** Active focal points, signed in: `{ border: 2 }` (two serving border), or each one's domains. */
  focalPoints?: Partial<Record<DomainCode, number>> | DomainCode[][];
}

export interface NetworkSpec {
  /** Created in this order: every state's admins first, then every state's focal points. */
  states?: Record<string, StateSpec>;
  /** Server settings (environment), as `startTestServer` takes them. */
  env?: Record<string, string>;
  server?: Partial<StartOptions>;
}

/** The people of a test network: the secretariat's first admin, and per state its admins and focal points in creation order. */
export interface Network<Admin, Member = Admin> {
  t: TestServer;
  root: Admin;
  admins: Record<string, Member[]>;
  focalPoints: Record<string, Member[]>;
  /** The state's `index`-th national admin (throws when the spec made none). */
  admin(state: string, index?: number): Member;
  /** The state's `index`-th focal point (throws when the spec made none). */
  focalPoint(state: string, index?: number): Member;
  /** Stops the server (and closes every socket it handed out). */
  stop(): Promise<void>;
}

/** How one flavour of the helpers (plain HTTP or the SDK) makes each kind of person. */
interface PeopleMaker<Admin, Member> {
  root(t: TestServer): Promise<Admin>;
  admin(t: TestServer, root: Admin, state: string, participation: DomainCode[] | undefined): Promise<Member>;
  focalPoint(t: TestServer, admin: Member, domains: DomainCode[]): Promise<Member>;
}

const httpPeople: PeopleMaker<TestPerson, TestPerson> = {
  root: bootstrapNetworkAdmin,
  admin: (t, root, state, participation) => activeNationalAdmin(t, root, state, participation),
  focalPoint: activeFocalPoint,
};

const sdkPeople: PeopleMaker<SdkPerson, SdkMember> = {
  root: sdkNetworkAdmin,
  admin: (t, root, state, participation) => sdkNationalAdmin(t, root, state, participation),
  focalPoint: sdkFocalPoint,
};

function focalPointDomains(spec: StateSpec['focalPoints']): DomainCode[][] {
  if (!spec) return [];
  if (Array.isArray(spec)) return spec;
  return Object.entries(spec).flatMap(([domain, count]) =>
    Array.from({ length: count ?? 0 }, () => [domain as DomainCode]),
  );
}

function pick<P>(people: Record<string, P[]>, kind: string, state: string, index: number): P {
  const person = people[state]?.[index];
  if (!person) throw new Error(`the test network has no ${kind} #${index} in ${state}`);
  return person;
}

async function populate<Admin, Member>(
  t: TestServer,
  spec: NetworkSpec,
  make: PeopleMaker<Admin, Member>,
): Promise<Network<Admin, Member>> {
  const states = Object.entries(spec.states ?? {});
  const root = await make.root(t);
  const admins: Record<string, Member[]> = {};
  const focalPoints: Record<string, Member[]> = {};
  for (const [state, { admins: count = 1, participation }] of states) {
    admins[state] = [];
    for (let i = 0; i < count; i++) admins[state].push(await make.admin(t, root, state, participation));
  }
  for (const [state, stateSpec] of states) {
    focalPoints[state] = [];
    const domains = focalPointDomains(stateSpec.focalPoints);
    if (domains.length > 0 && !admins[state]?.[0])
      throw new Error(`focal points of ${state} need a national admin to invite them`);
    for (const served of domains)
      focalPoints[state].push(await make.focalPoint(t, pick(admins, 'national admin', state, 0), served));
  }
  return {
    t,
    root,
    admins,
    focalPoints,
    admin: (state, index = 0) => pick(admins, 'national admin', state, index),
    focalPoint: (state, index = 0) => pick(focalPoints, 'focal point', state, index),
    stop: () => t.close(),
  };
}

async function start<Admin, Member>(
  spec: NetworkSpec,
  make: PeopleMaker<Admin, Member>,
): Promise<Network<Admin, Member>> {
  const t = await startTestServer(spec.env ?? {}, spec.server ?? {});
  try {
    return await populate(t, spec, make);
  } catch (error) {
    await t.close();
    throw error;
  }
}

/**
 * A test server with a network on it, made through the HTTP API as a browser would: the first
 * network admin (bootstrap link, TOTP), then per state its national admins and focal points, e.g.
 * `startNetwork({ states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } } })`.
 * One per describe block, in `before`; `stop()` in `after`.
 */
export const startNetwork = (spec: NetworkSpec = {}): Promise<Network<TestPerson>> => start(spec, httpPeople);

/** The same network on a server already running (one started with its own settings). */
export const populateNetwork = (t: TestServer, spec: NetworkSpec = {}): Promise<Network<TestPerson>> =>
  populate(t, spec, httpPeople);

/** The same network made entirely through the client SDK: each person holds a signed-in client with keys unlocked. */
export const startSdkNetwork = (spec: NetworkSpec = {}): Promise<Network<SdkPerson, SdkMember>> =>
  start(spec, sdkPeople);
