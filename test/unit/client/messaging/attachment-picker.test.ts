import { expect } from 'chai';
import { attachmentUploadBytes } from '../../../../shared/crypto/attachment-format.js';
import { addAttachments } from '../../../../client/src/features/messaging/attachment-choice.js';
import { fileSize } from '../../../../client/src/lib/file-size.js';

const file = (name: string, size = 10, lastModified = 1) => ({ name, size, lastModified });
const MB = 2 ** 20;

describe('messaging: choosing attachments', () => {
  it('reads sizes in binary units with the interface language’s digits', () => {
    expect(fileSize(512, 'en')).to.deep.equal({ unit: 'bytes', size: '512' });
    expect(fileSize(90 * 1024, 'en')).to.deep.equal({ unit: 'kb', size: '90' });
    expect(fileSize(1536, 'ru')).to.deep.equal({ unit: 'kb', size: '1,5' });
    expect(fileSize(1.4 * MB, 'en')).to.deep.equal({ unit: 'mb', size: '1.4' });
    expect(fileSize(1.4 * MB, 'ru')).to.deep.equal({ unit: 'mb', size: '1,4' });
    expect(fileSize(50 * MB, 'ru')).to.deep.equal({ unit: 'mb', size: '50' });
    expect(fileSize(3 * 1024 * MB, 'en')).to.deep.equal({ unit: 'gb', size: '3' });
    // Rounded up to the next unit rather than "1,024 KB".
    expect(fileSize(MB - 100, 'en')).to.deep.equal({ unit: 'mb', size: '1' });
  });

  it('adds to the earlier choice and skips a file already chosen (same name, size and time)', () => {
    const first = addAttachments([], [file('a.pdf'), file('b.pdf')], undefined);
    const again = addAttachments(first.files, [file('a.pdf'), file('a.pdf', 11), file('c.pdf')], undefined);
    expect(again.files.map((f) => `${f.name}:${f.size}`)).to.deep.equal([
      'a.pdf:10',
      'b.pdf:10',
      'a.pdf:11',
      'c.pdf:10',
    ]);
    expect(again.tooLarge).to.deep.equal([]);
    expect(again.tooMany).to.equal(false);
  });

  it('measures a file as its ciphertext against the upload limit', () => {
    const limits = { maxBytes: MB, maxPerMessage: 20 };
    let largest = MB;
    while (attachmentUploadBytes(largest) > MB) largest--;
    const fits = file('fits.bin', largest);
    const over = file('over.bin', largest + 1);
    const result = addAttachments([], [fits, over], limits);
    expect(result.files).to.deep.equal([fits]);
    expect(result.tooLarge).to.deep.equal([over]);
    // A plaintext exactly at the limit grows past it when encrypted.
    expect(addAttachments([], [file('exact.bin', MB)], limits).tooLarge).to.have.length(1);
  });

  it('adds up to the most a message carries and says some were left out', () => {
    const limits = { maxBytes: MB, maxPerMessage: 3 };
    const result = addAttachments([file('a')], [file('b'), file('c'), file('d'), file('e')], limits);
    expect(result.files.map((f) => f.name)).to.deep.equal(['a', 'b', 'c']);
    expect(result.tooMany).to.equal(true);
    expect(addAttachments(result.files, [file('a')], limits).tooMany).to.equal(false); // a file already there is not one more
  });

  it('accepts everything when the limits are unknown: the server still refuses', () => {
    const many = Array.from({ length: 25 }, (_, i) => file(`f${i}`, 100 * MB));
    const result = addAttachments([], many, undefined);
    expect(result.files).to.have.length(25);
    expect(result.tooLarge).to.deep.equal([]);
    expect(result.tooMany).to.equal(false);
  });
});
