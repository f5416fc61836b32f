/**
 * ICAO 9303 three-letter codes (as an MRZ carries them) to ISO 3166-1 alpha-2. Every member state
 * (`shared/reference/member-states.ts`) is here, and the states whose documents a member's border
 * most often sees; a code not here is refused with a message asking for the two-letter code.
 * ICAO's own codes: `D` is Germany in an MRZ; the British nationality variants are all GB.
 */
const TABLE = [
  // Member states
  'AFG:AF AZE:AZ BHR:BH BGD:BD KHM:KH CHN:CN EGY:EG IND:IN IRN:IR IRQ:IQ ISR:IL JOR:JO KAZ:KZ',
  'KWT:KW KGZ:KG MNG:MN PAK:PK PSE:PS QAT:QA KOR:KR RUS:RU LKA:LK TJK:TJ THA:TH TUR:TR TKM:TM',
  'ARE:AE UZB:UZ VNM:VN',
  // Neighbours and frequent travellers
  'ARM:AM GEO:GE BLR:BY UKR:UA MDA:MD JPN:JP PRK:KP TWN:TW HKG:HK MAC:MO SGP:SG MYS:MY IDN:ID',
  'PHL:PH LAO:LA MMR:MM NPL:NP BTN:BT MDV:MV SAU:SA OMN:OM YEM:YE SYR:SY LBN:LB CYP:CY USA:US',
  'CAN:CA MEX:MX BRA:BR ARG:AR CHL:CL COL:CO PER:PE VEN:VE AUS:AU NZL:NZ ZAF:ZA NGA:NG KEN:KE',
  'ETH:ET MAR:MA DZA:DZ TUN:TN LBY:LY SDN:SD SOM:SO GBR:GB IRL:IE FRA:FR DEU:DE ITA:IT ESP:ES',
  'PRT:PT NLD:NL BEL:BE LUX:LU CHE:CH AUT:AT POL:PL CZE:CZ SVK:SK SVN:SI HUN:HU ROU:RO BGR:BG',
  'GRC:GR HRV:HR SRB:RS BIH:BA MNE:ME MKD:MK ALB:AL LTU:LT LVA:LV EST:EE FIN:FI SWE:SE NOR:NO',
  'DNK:DK ISL:IS MLT:MT',
  // ICAO's codes of its own
  'D:DE GBD:GB GBN:GB GBO:GB GBP:GB GBS:GB',
].join(' ');

/** ICAO alpha-3 (or `D`) → ISO alpha-2. */
export const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = new Map(
  TABLE.split(' ').map((pair) => pair.split(':') as [string, string]),
);
