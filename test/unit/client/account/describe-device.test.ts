import { expect } from 'chai';
import { describeDevice } from '../../../../client/src/features/account/describe-device.js';

describe('sessions: devices as people say them', () => {
  it('names common browsers and systems, Edge and Chrome apart', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ),
    ).to.equal('Chrome · Linux');
    expect(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0',
      ),
    ).to.equal('Edge · Windows');
    expect(describeDevice('Mozilla/5.0 (Linux; Android 14; rv:133.0) Gecko/133.0 Firefox/133.0')).to.equal(
      'Firefox · Android',
    );
    expect(
      describeDevice(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      ),
    ).to.equal('Safari · macOS');
  });

  it('shows other programs as they name themselves, and nothing for none', () => {
    expect(describeDevice('node')).to.equal('node');
    expect(describeDevice('case-management-connector/2.1 (ministry)')).to.equal(
      'case-management-connector/2.1 (ministry)',
    );
    expect(describeDevice(null)).to.equal(undefined);
  });
});
