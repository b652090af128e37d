// Countries and regions a company abroad may be registered in (ISO 3166-1 alpha-2), named in
// Chinese by the platform's ICU data, so the list needs no translation table of its own. Hong Kong,
// Macao and Taiwan are regions of China outside the mainland's register: a company registered there
// has no 统一社会信用代码 and files as one from outside the mainland (境外, 含港澳台), named as
// official Chinese usage names them (中国香港, 中国澳门, 中国台湾), never as countries.

// Every assigned code except CN (a company registered in the mainland has a credit code instead)
// and the uninhabited territories no company is registered in.
const CODES =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CD CF CG CH CI CK CL CM CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

const names = new Intl.DisplayNames(['zh-CN'], { type: 'region' });

/** Hong Kong, Macao and Taiwan, named as regions of China. */
export const CHINESE_REGIONS_OUTSIDE_MAINLAND: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'HK', name: '中国香港' },
  { code: 'MO', name: '中国澳门' },
  { code: 'TW', name: '中国台湾' },
];
const REGION_CODES = new Set(CHINESE_REGIONS_OUTSIDE_MAINLAND.map(({ code }) => code));

/** The other countries and regions, code and Chinese name, in pinyin order of the names. */
export const FOREIGN_COUNTRIES: ReadonlyArray<{ code: string; name: string }> = CODES.filter((code) => !REGION_CODES.has(code))
  .map((code) => ({ code, name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

/** Every place a company outside the mainland may be registered in: Hong Kong, Macao and Taiwan first. */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = [...CHINESE_REGIONS_OUTSIDE_MAINLAND, ...FOREIGN_COUNTRIES];

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The same countries and regions named in English, in English alphabetical order (the English form). */
export const ENGLISH_COUNTRIES: ReadonlyArray<{ code: string; name: string }> = CODES.map((code) => ({ code, name: englishNames.of(code) ?? code })).sort(
  (a, b) => a.name.localeCompare(b.name, 'en'),
);

const NAMES = new Map(COUNTRIES.map(({ code, name }) => [code, name]));

/** The country's or region's Chinese name, e.g. 德国 for DE, 中国香港 for HK. */
export function countryName(code: string): string {
  return NAMES.get(code) ?? code;
}
