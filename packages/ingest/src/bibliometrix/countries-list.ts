import type { CountryCode } from '@meridian/model'

/**
 * bibliometrix's `countries` data set (its `data/countries.rda`), reconstructed: the names its country
 * extraction looks for, in its order, each with the ISO 3166-1 code the name means. The `.rda` file is binary
 * and no public copy of the list was found, so this is rebuilt from bibliometrix 5.4's output on the 22 files
 * of `shared/data/bibliometrix-groundtruth` (WoS plain text and BibTeX, Scopus BibTeX and CSV, PubMed; all
 * reproduced exactly with it):
 * - the names it reports are list entries: `KOREA`, `CHINA`, `BOSNIA`, `PALAU`, `GEORGIA`, `U ARAB EMIRATES`
 *   and `UNITED ARAB EMIRATES`, `SUDAN`, `USA`, `UNITED STATES`, `MEXICO`...;
 * - WoS spellings it must not contain, or single-country papers would count twice (`NAME.` also matches
 *   inside `PEOPLES R CHINA.`, `SOUTH KOREA.`): `PEOPLES R CHINA`, `SOUTH KOREA`, `PAPUA N GUINEA` (a Papua
 *   New Guinea paper is one country, `GUINEA`, for it), `BOSNIA & HERCEG` (a Sarajevo-Ljubljana paper is
 *   single-country Slovenia for it), `NORTH IRELAND` (a Coleraine paper is single-country Ireland for it);
 * - `SOUTH SUDAN` is in it (a Juba paper is multi-country, `SUDAN` and `SOUTH SUDAN`); `GRENADA`,
 *   `PALESTINE` and `CAPE VERDE` are not (those papers get no country).
 * Order is alphabetical, which it is in bibliometrix as far as the data shows (`PALAU` before `SPAIN`,
 * `GEORGIA` before `USA`); it only matters when two names occur in one address. Entries the data never
 * exercises are common English short names, upper case.
 * Every entry maps to an ISO code; if the real list holds names with none (historic states), they are
 * missing here and such papers would differ.
 */
const LIST = `
AFGHANISTAN AF|ALBANIA AL|ALGERIA DZ|ANDORRA AD|ANGOLA AO|ANTIGUA AG|ARGENTINA AR|ARMENIA AM|AUSTRALIA AU|
AUSTRIA AT|AZERBAIJAN AZ|BAHAMAS BS|BAHRAIN BH|BANGLADESH BD|BARBADOS BB|BELARUS BY|BELGIUM BE|BELIZE BZ|
BENIN BJ|BHUTAN BT|BOLIVIA BO|BOSNIA BA|BOTSWANA BW|BRAZIL BR|BRUNEI BN|BULGARIA BG|BURKINA FASO BF|
BURUNDI BI|CAMBODIA KH|CAMEROON CM|CANADA CA|CENTRAL AFRICAN REPUBLIC CF|CHAD TD|CHILE CL|
CHINA CN|COLOMBIA CO|COMOROS KM|CONGO CG|COSTA RICA CR|CROATIA HR|CUBA CU|CYPRUS CY|CZECH REPUBLIC CZ|
DENMARK DK|DJIBOUTI DJ|DOMINICA DM|DOMINICAN REPUBLIC DO|ECUADOR EC|EGYPT EG|EL SALVADOR SV|ENGLAND GB|
EQUATORIAL GUINEA GQ|ERITREA ER|ESTONIA EE|ETHIOPIA ET|FIJI FJ|FINLAND FI|FRANCE FR|GABON GA|GAMBIA GM|
GEORGIA GE|GERMANY DE|GHANA GH|GREECE GR|GUATEMALA GT|GUINEA GN|GUINEA BISSAU GW|GUYANA GY|HAITI HT|
HONDURAS HN|HONG KONG HK|HUNGARY HU|ICELAND IS|INDIA IN|INDONESIA ID|IRAN IR|IRAQ IQ|IRELAND IE|ISRAEL IL|
ITALY IT|JAMAICA JM|JAPAN JP|JORDAN JO|KAZAKHSTAN KZ|KENYA KE|KIRIBATI KI|KOREA KR|KUWAIT KW|KYRGYZSTAN KG|
LAOS LA|LATVIA LV|LEBANON LB|LESOTHO LS|LIBERIA LR|LIBYA LY|LIECHTENSTEIN LI|LITHUANIA LT|LUXEMBOURG LU|
MACEDONIA MK|MADAGASCAR MG|MALAWI MW|MALAYSIA MY|MALDIVES MV|MALI ML|MALTA MT|MARSHALL ISLANDS MH|
MAURITANIA MR|MAURITIUS MU|MEXICO MX|MICRONESIA FM|MOLDOVA MD|MONACO MC|MONGOLIA MN|MONTENEGRO ME|MOROCCO MA|
MOZAMBIQUE MZ|MYANMAR MM|NAMIBIA NA|NAURU NR|NEPAL NP|NETHERLANDS NL|NEW ZEALAND NZ|NICARAGUA NI|NIGER NE|
NIGERIA NG|NORWAY NO|OMAN OM|PAKISTAN PK|PALAU PW|PANAMA PA|PAPUA NEW GUINEA PG|PARAGUAY PY|
PERU PE|PHILIPPINES PH|POLAND PL|PORTUGAL PT|QATAR QA|ROMANIA RO|RUSSIA RU|RWANDA RW|SAMOA WS|SAN MARINO SM|
SAUDI ARABIA SA|SCOTLAND GB|SENEGAL SN|SERBIA RS|SEYCHELLES SC|SIERRA LEONE SL|SINGAPORE SG|SLOVAKIA SK|
SLOVENIA SI|SOLOMON ISLANDS SB|SOMALIA SO|SOUTH AFRICA ZA|SOUTH SUDAN SS|SPAIN ES|SRI LANKA LK|SUDAN SD|
SURINAME SR|SWAZILAND SZ|SWEDEN SE|SWITZERLAND CH|SYRIA SY|TAIWAN TW|TAJIKISTAN TJ|TANZANIA TZ|THAILAND TH|
TOGO TG|TONGA TO|TRINIDAD AND TOBAGO TT|TUNISIA TN|TURKEY TR|TURKMENISTAN TM|TUVALU TV|U ARAB EMIRATES AE|
UGANDA UG|UKRAINE UA|UNITED ARAB EMIRATES AE|UNITED KINGDOM GB|UNITED STATES US|URUGUAY UY|USA US|
UZBEKISTAN UZ|VANUATU VU|VENEZUELA VE|VIETNAM VN|WALES GB|YEMEN YE|ZAMBIA ZM|ZIMBABWE ZW`

/** One entry of bibliometrix's country list: the name as it matches it, and the ISO code the name means. */
export interface BibliometrixCountryName {
  readonly name: string
  readonly code: CountryCode
}

/** The reconstructed list, in bibliometrix's order (see the note above `LIST`). */
export const BIBLIOMETRIX_COUNTRY_LIST: readonly BibliometrixCountryName[] = Object.freeze(
  LIST.replaceAll('\n', '')
    .split('|')
    .map((entry) => {
      const space = entry.lastIndexOf(' ')
      return Object.freeze({ name: entry.slice(0, space), code: entry.slice(space + 1) as CountryCode })
    }),
)
