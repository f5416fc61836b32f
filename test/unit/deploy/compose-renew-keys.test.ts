import { expect } from 'chai';
import { parse } from 'yaml';
import { readCompose, type ComposeFile } from './compose-file.js';
import { readRepoFile } from './repo-files.js';

describe('deploy/compose.renew-keys.yaml (the overlay for renewing the signing keys)', () => {
  const overlay = parse(readRepoFile('deploy/compose.renew-keys.yaml'), { merge: true }) as ComposeFile;
  const base = readCompose().document;

  it('gives both nodes the previous signing secret as a file, read by the entrypoint', () => {
    for (const name of ['node1', 'node2']) {
      const node = overlay.services[name];
      expect(node?.environment?.SIGNING_KEY_PREVIOUS_SECRET_FILE).to.equal('/run/secrets/signing_key_previous_secret');
      // Listed in full, so the overlay does not rest on how compose merges lists.
      expect(node?.secrets).to.include.members([
        ...(base.services[name]?.secrets ?? []),
        'signing_key_previous_secret',
      ]);
    }
    expect(overlay.secrets?.signing_key_previous_secret?.file).to.equal('./secrets/signing_key_previous_secret');
    expect(readRepoFile('deploy/docker-entrypoint.sh')).to.include('SIGNING_KEY_PREVIOUS_SECRET');
  });
});
