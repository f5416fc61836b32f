import { LISTING_CSV_COLUMNS } from '../../../../shared/travel-documents/listing-csv';
import { MANIFEST_CSV_COLUMNS } from '../../../../shared/travel-documents/manifest-csv';

/** The columns the SDK reads (other names are accepted too), shown to whoever prepares a file. */
export const LISTING_COLUMNS = Object.keys(LISTING_CSV_COLUMNS);
export const MANIFEST_COLUMNS = Object.keys(MANIFEST_CSV_COLUMNS);

export const LISTING_EXAMPLE = [
  LISTING_COLUMNS.join(','),
  'KZ,passport,N1234567,stolen,2026-11-30,Stolen at the airport,',
  'KZ,identity-card,041234567,lost,2026-10-02,,',
].join('\n');

export const MANIFEST_EXAMPLE = [
  MANIFEST_COLUMNS.join(','),
  'N1234567,KZ,KZ,passport,,ABDULLAEV/ERLAN 12C',
  ',,,,P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10,ERIKSSON/ANNA 14A',
].join('\n');
