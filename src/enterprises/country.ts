// Countries and regions a company abroad may be registered in (ISO 3166-1 alpha-2), named in
// Chinese by the platform's ICU data, so the list needs no translation table of its own.

// Every assigned code except CN (a company registered in the mainland has a credit code instead)
// and the uninhabited territories no company is registered in.
const CODES =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CD CF CG CH CI CK CL CM CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

const names = new Intl.DisplayNames(['zh-CN'], { type: 'region' });

/** The countries and regions, code and Chinese name, in pinyin order of the names. */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
  a.name.localeCompare(b.name, 'zh-CN'),
);

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The same countries and regions named in English, in English alphabetical order (the English form). */
export const ENGLISH_COUNTRIES: ReadonlyArray<{ code: string; name: string }> = CODES.map((code) => ({ code, name: englishNames.of(code) ?? code })).sort(
  (a, b) => a.name.localeCompare(b.name, 'en'),
);

const NAMES = new Map(COUNTRIES.map(({ code, name }) => [code, name]));

/** The country's or region's Chinese name, e.g. 德国 for DE. */
export function countryName(code: string): string {
  return NAMES.get(code) ?? code;
}
