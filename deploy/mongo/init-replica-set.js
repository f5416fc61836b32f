/* global fs, Mongo, print, quit, sleep -- mongosh provides these */
// Run by the compose service `mongo-init` (`mongosh --nodb`) on every start of the topology. Signed
// in as root (the user the mongo image creates on mongo1's first start, compose.yaml), it makes
// the three members one replica set the first time, waits until the set has a primary, so the
// FocalNet nodes start on a writable database, then creates the nodes' user — or sets its password
// and roles again, so a changed mongo_app_password takes effect on the next start. Safe to run
// again. The passwords are read from the compose secrets here, never given on a command line.
const MEMBERS = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'];
const ROOT_USER = 'root';
const APP_USER = 'focalnet';
// The nodes' database (DB_NAME) and the restore drill's scratch database (docs/deployment.md).
// Nothing else: the server uses no transactions, change streams or admin commands beyond these.
const APP_ROLES = [
  { role: 'readWrite', db: 'focalnet' },
  { role: 'readWrite', db: 'focalnet_drill' },
];

const secret = (name) => fs.readFileSync(`/run/secrets/${name}`, 'utf8').trim();
const rootPassword = secret('mongo_root_password');
const appPassword = secret('mongo_app_password');

// The nodes sign in with the URI in `mongodb_uri`: it must name this user and password, or they
// would fail to authenticate after this script succeeded.
const [, uriUser, uriPassword, uriQuery] = /^mongodb:\/\/([^:@/]+):([^@/]+)@[^/]+\/[^?]*\?(.*)$/.exec(
  secret('mongodb_uri'),
) ?? [undefined, '', '', ''];
if (
  uriUser !== APP_USER ||
  decodeURIComponent(uriPassword) !== appPassword ||
  !/(^|&)authSource=admin(&|$)/.test(uriQuery)
) {
  print(
    `secrets/mongodb_uri must be mongodb://${APP_USER}:<mongo_app_password>@…?…&authSource=admin (secrets/README.md)`,
  );
  quit(1);
}

/** The admin database on `hosts`, signed in as root (credentials in the URI stay in this process). */
const adminAs = (hosts, options) =>
  new Mongo(`mongodb://${ROOT_USER}:${encodeURIComponent(rootPassword)}@${hosts}/?authSource=admin&${options}`).getDB(
    'admin',
  );

// A minute to reach mongo1: on its first start the image's user-creating mongod listens on
// 127.0.0.1 only, and mongo1's health check (on localhost) may pass meanwhile.
const mongo1 = adminAs(MEMBERS[0], 'directConnection=true&serverSelectionTimeoutMS=60000');
try {
  mongo1.runCommand({ replSetGetStatus: 1 });
  print('replica set rs0 already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  mongo1.runCommand({ replSetInitiate: { _id: 'rs0', members: MEMBERS.map((host, i) => ({ _id: i, host })) } });
  print('replica set rs0 initiated');
}

let primary;
for (let i = 0; i < 120 && !primary; i++) {
  primary = mongo1.runCommand({ hello: 1 }).primary;
  if (!primary) sleep(1000);
}
if (!primary) {
  print('no primary after 120 s');
  quit(1);
}
print(`primary: ${primary}`);

// Users are written on the primary, which need not be mongo1: the set's connection finds it.
const admin = adminAs(MEMBERS.join(','), 'replicaSet=rs0');
if (admin.getUser(APP_USER)) {
  admin.updateUser(APP_USER, { pwd: appPassword, roles: APP_ROLES });
  print(`user ${APP_USER} updated`);
} else {
  admin.createUser({ user: APP_USER, pwd: appPassword, roles: APP_ROLES });
  print(`user ${APP_USER} created`);
}
quit(0);
