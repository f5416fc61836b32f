/* global rs, db, print, quit, sleep -- mongosh provides these */
// Run once by the compose service `mongo-init` (mongosh against mongo1): makes the three members
// one replica set, then waits until it has a primary, so the FocalNet nodes start on a writable
// database. Safe to run again: a set that exists is left as it is.
const members = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'];

try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host })) });
  print('replica set rs0 initiated');
}

for (let i = 0; i < 120; i++) {
  if (db.hello().primary) {
    print(`primary: ${db.hello().primary}`);
    quit(0);
  }
  sleep(1000);
}
print('no primary after 120 s');
quit(1);
