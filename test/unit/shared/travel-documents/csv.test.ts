import { expect } from 'chai';
import { parseCsv } from '../../../../shared/csv.js';
import { parseListingCsv } from '../../../../shared/travel-documents/listing-csv.js';
import { parseManifestCsv } from '../../../../shared/travel-documents/manifest-csv.js';

describe('CSV parsing', () => {
  it('reads quoted cells, doubled quotes, line breaks in cells, CRLF and a BOM, with the line each record starts on', () => {
    const { records } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
    expect(records).to.deep.equal([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('takes ; or tab as the separator when the header uses it', () => {
    expect(parseCsv('a;b\n1;2').records[1]?.cells).to.deep.equal(['1', '2']);
    expect(parseCsv('a\tb\n1\t2').records[1]?.cells).to.deep.equal(['1', '2']);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a,b\n1,"2\n3,4').unterminatedAt).to.equal(2);
  });
});

describe('travel documents: listing CSV', () => {
  it('keeps good rows, reports bad ones by line number with the reason', () => {
    const csv = [
      'Issuing State,Document Type,Document Number,Status,Date,Notes,Check Digit',
      'KZ,passport,N 123-4567,stolen,2026-11-02,"Almaty, at the station",',
      'KAZ,P,n7654321,lost,02.11.2026,,',
      'KZ,passport,,stolen,2026-11-02,,',
      'KZ,spaceship,N1,lost,2026-11-02,,',
      'KZ,passport,N2,misplaced,2026-11-02,,',
      'KZ,passport,N3,lost,2026-02-30,,',
      'KZ,passport,L898902C3,lost,2026-11-01,,5',
      '',
      'KZ,identity card,L898902C3,revoked,2026-11-01,,6',
    ].join('\n');
    const { rows, problems } = parseListingCsv(csv);
    expect(
      rows.map((row) => [row.line, row.listing.identity, row.listing.documentType, row.listing.date]),
    ).to.deep.equal([
      [2, 'KZ:N1234567', 'passport', '2026-11-02'],
      [3, 'KZ:N7654321', 'passport', '2026-11-02'],
      [10, 'KZ:L898902C3', 'identity-card', '2026-11-01'],
    ]);
    expect(rows[0]?.listing.notes).to.equal('Almaty, at the station');
    expect(problems.map((p) => p.line)).to.deep.equal([4, 5, 6, 7, 8]);
    expect(problems[0]?.message).to.match(/number is missing/);
    expect(problems[1]?.message).to.match(/spaceship/);
    expect(problems[2]?.message).to.match(/misplaced/);
    expect(problems[3]?.message).to.match(/2026-02-30/);
    expect(problems[4]?.message).to.match(/misread/);
  });

  it('accepts common column names and refuses a header lacking a required column', () => {
    const good = parseListingCsv(
      'country,type,passport_number,status,event_date\nRU,passport,7101234567,lost,2026-10-10',
    );
    expect(good.rows[0]?.listing.identity).to.equal('RU:7101234567');
    const bad = parseListingCsv('country,number\nRU,1');
    expect(bad.rows).to.have.length(0);
    expect(bad.problems).to.deep.equal([
      { line: 1, message: 'the header lacks the columns document_type, status, date' },
    ]);
  });

  it('refuses dates in the future when told today', () => {
    const { problems } = parseListingCsv(
      'issuing_state,document_type,document_number,status,date\nKZ,passport,N1,lost,2027-01-01',
      '2026-12-07',
    );
    expect(problems[0]).to.deep.equal({ line: 2, message: 'date 2027-01-01 is in the future' });
  });
});

describe('travel documents: manifest CSV', () => {
  it('reads numbers with issuing state or nationality, MRZ and references', () => {
    const csv = [
      'passenger_name,nationality,passport_no,mrz',
      'ANNA ERIKSSON,RUS,n 1234567,',
      'B,,,"P<KAZERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36RUS7408122F1204159ZE184226B<<<<<10"',
      'C,KZ,X1,',
    ].join('\n');
    const { rows, problems } = parseManifestCsv(csv);
    expect(problems).to.deep.equal([]);
    expect(rows.map((row) => row.line)).to.deep.equal([2, 3, 5]);
    expect(rows[0]?.input).to.deep.equal({ issuingState: 'RUS', number: 'n 1234567', reference: 'ANNA ERIKSSON' });
    expect(rows[1]?.input.mrz).to.contain('L898902C3');
  });

  it('refuses a header with nothing to screen and reports unknown types by line', () => {
    expect(parseManifestCsv('name,seat\nA,1').problems[0]?.line).to.equal(1);
    const { rows, problems } = parseManifestCsv('document_number,issuing_state,document_type\nN1,KZ,boat\nN2,KZ,');
    expect(problems).to.deep.equal([{ line: 2, message: 'document type "boat" is not known' }]);
    expect(rows.map((row) => row.line)).to.deep.equal([3]);
  });
});
