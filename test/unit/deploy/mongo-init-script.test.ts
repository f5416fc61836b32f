import { expect } from 'chai';
import vm from 'node:vm';
import { readCompose } from './compose-file.js';
import { readRepoFile } from './repo-files.js';

const SCRIPT = readRepoFile('deploy/mongo/init-replica-set.js');
const ROOT_PASSWORD = 'root-pass/with+chars=';
const APP_PASSWORD = 'a1b2c3d4';
const NODES_URI = `mongodb://focalnet:${APP_PASSWORD}@mongo1:27017,mongo2:27017,mongo3:27017/focalnet?replicaSet=rs0&authSource=admin`;

class Quit extends Error {
  constructor(readonly code: number) {
    super(`quit(${code})`);
  }
}

interface Run {
  exitCode: number;
  printed: string[];
  /** Each connection's URI, and the commands and user calls made on it, in order. */
  connections: { uri: string; calls: unknown[][] }[];
}

/**
 * Runs deploy/mongo/init-replica-set.js as mongosh would, against stand-ins: `fs` serves the
 * secrets, `Mongo` records what each connection is asked, and the replica set answers as told.
 */
function runInitScript({
  secrets = { mongo_root_password: ROOT_PASSWORD, mongo_app_password: APP_PASSWORD, mongodb_uri: NODES_URI },
  initiated = false,
  userExists = false,
  helloesWithoutPrimary = 0,
}: {
  secrets?: Record<string, string>;
  initiated?: boolean;
  userExists?: boolean;
  helloesWithoutPrimary?: number;
} = {}): Run {
  const run: Run = { exitCode: -1, printed: [], connections: [] };
  let helloes = 0;
  class Mongo {
    private readonly calls: unknown[][] = [];
    constructor(uri: string) {
      run.connections.push({ uri, calls: this.calls });
    }
    getDB(name: string) {
      const calls = this.calls;
      return {
        runCommand(command: Record<string, unknown>) {
          calls.push([name, 'runCommand', command]);
          if ('replSetGetStatus' in command && !initiated) {
            throw Object.assign(new Error('no replset config has been received'), { codeName: 'NotYetInitialized' });
          }
          if ('hello' in command) return { primary: ++helloes > helloesWithoutPrimary ? 'mongo2:27017' : undefined };
          return { ok: 1 };
        },
        getUser: (user: string) => (calls.push([name, 'getUser', user]), userExists ? { user } : null),
        createUser: (user: unknown) => calls.push([name, 'createUser', user]),
        updateUser: (user: string, update: unknown) => calls.push([name, 'updateUser', user, update]),
      };
    }
  }
  const context = vm.createContext({
    fs: {
      readFileSync(file: string) {
        const name = file.replace(/^\/run\/secrets\//, '');
        if (!(name in secrets)) throw new Error(`ENOENT: ${file}`);
        return `${secrets[name]}\n`;
      },
    },
    Mongo,
    print: (text: string) => run.printed.push(text),
    quit: (code: number) => {
      throw new Quit(code);
    },
    sleep: () => undefined,
    encodeURIComponent,
    decodeURIComponent,
  });
  try {
    new vm.Script(SCRIPT, { filename: 'init-replica-set.js' }).runInContext(context);
  } catch (error) {
    if (!(error instanceof Quit)) throw error;
    run.exitCode = error.code;
  }
  return run;
}

describe('deploy/mongo/init-replica-set.js (mongo-init)', () => {
  const APP_ROLES = [
    { role: 'readWrite', db: 'focalnet' },
    { role: 'readWrite', db: 'focalnet_drill' },
  ];

  it('signs in as root, initiates the set from mongo1, waits for a primary and creates the app user there', () => {
    const run = runInitScript({ helloesWithoutPrimary: 2 });
    expect(run.exitCode).to.equal(0);
    const [mongo1, set] = run.connections;
    const root = `mongodb://root:${encodeURIComponent(ROOT_PASSWORD)}@`;
    expect(mongo1?.uri).to.equal(
      `${root}mongo1:27017/?authSource=admin&directConnection=true&serverSelectionTimeoutMS=60000`,
    );
    expect(mongo1?.calls.map(([, , command]) => Object.keys(command as object)[0])).to.deep.equal([
      'replSetGetStatus',
      'replSetInitiate',
      'hello',
      'hello',
      'hello',
    ]);
    expect(mongo1?.calls[1]?.[2]).to.deep.equal({
      replSetInitiate: {
        _id: 'rs0',
        members: ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'].map((host, i) => ({ _id: i, host })),
      },
    });
    expect(set?.uri).to.equal(`${root}mongo1:27017,mongo2:27017,mongo3:27017/?authSource=admin&replicaSet=rs0`);
    expect(set?.calls).to.deep.equal([
      ['admin', 'getUser', 'focalnet'],
      ['admin', 'createUser', { user: 'focalnet', pwd: APP_PASSWORD, roles: APP_ROLES }],
    ]);
    expect(run.printed.join('\n')).to.not.include(APP_PASSWORD).and.not.include(ROOT_PASSWORD);
  });

  it('run again, leaves the set as it is and sets the app user’s password and roles from the secret', () => {
    const run = runInitScript({ initiated: true, userExists: true });
    expect(run.exitCode).to.equal(0);
    expect(run.connections[0]?.calls.map(([, , command]) => Object.keys(command as object)[0])).to.deep.equal([
      'replSetGetStatus',
      'hello',
    ]);
    expect(run.connections[1]?.calls[1]).to.deep.equal([
      'admin',
      'updateUser',
      'focalnet',
      { pwd: APP_PASSWORD, roles: APP_ROLES },
    ]);
  });

  it('stops before connecting when the nodes’ URI does not carry the app user’s password, or not authSource=admin', () => {
    for (const mongodbUri of [
      NODES_URI.replace(APP_PASSWORD, 'an-old-password'),
      NODES_URI.replace('focalnet:', 'someone:'),
      NODES_URI.replace('&authSource=admin', ''),
      'mongodb://mongo1:27017/?replicaSet=rs0',
    ]) {
      const run = runInitScript({
        secrets: { mongo_root_password: ROOT_PASSWORD, mongo_app_password: APP_PASSWORD, mongodb_uri: mongodbUri },
      });
      expect(run.exitCode, mongodbUri).to.equal(1);
      expect(run.connections, mongodbUri).to.deep.equal([]);
      expect(run.printed.join('\n'), mongodbUri).to.include('secrets/mongodb_uri must be');
    }
  });

  it('fails when no primary is elected within two minutes', () => {
    const run = runInitScript({ helloesWithoutPrimary: Infinity });
    expect(run.exitCode).to.equal(1);
    expect(run.printed).to.include('no primary after 120 s');
    expect(run.connections).to.have.length(1);
  });

  it('uses the root user compose creates, and gives the app user the database the nodes use', () => {
    const { document } = readCompose();
    const rootUser = document.services.mongo1?.environment?.MONGO_INITDB_ROOT_USERNAME;
    expect(SCRIPT).to.include(`const ROOT_USER = '${String(rootUser)}';`);
    const dbName = String(document.services.node1?.environment?.DB_NAME);
    expect(SCRIPT).to.include(`{ role: 'readWrite', db: '${dbName}' }`);
  });
});
