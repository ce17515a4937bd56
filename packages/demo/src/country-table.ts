/**
 * The synthetic world's countries: ISO code, approximate centroid (degrees), relative research output and the
 * spread (degrees) of institution sites around the centroid. Output is a rough order of magnitude only, made
 * up to give the heavy-tailed shape of real data (a handful of countries publish most papers); it is not data.
 */
const TABLE = `
US 39 -98 700 8|CN 33 108 750 7|GB 53 -2 200 2|DE 51 10 180 2|IN 22 79 200 6|JP 36 138 130 3|FR 46 2 120 3
IT 43 12 130 3|CA 53 -98 110 8|KR 36 128 90 1|ES 40 -4 100 3|AU -25 134 100 8|BR -10 -52 90 7|RU 56 45 90 10
IR 32 53 70 4|TR 39 35 60 3|NL 52 5.5 60 1|PL 52 19 50 2|CH 47 8 45 1|SE 62 15 40 3|TW 23.7 121 40 1
BE 50.6 4.6 35 1|DK 56 10 28 1|SA 24 45 30 4|EG 27 30 30 3|PK 30 70 30 3|MY 4 102 30 3|ID -2 118 35 7
MX 23 -102 30 5|PT 39.5 -8 28 1|AT 47.5 14.5 25 1|NO 61 9 22 3|ZA -29 24 25 4|CZ 49.8 15.5 25 1
IL 31.5 35 20 1|FI 63 26 18 3|GR 39 22 18 2|SG 1.35 103.8 20 0.1|NZ -41 174 14 3|IE 53 -8 14 1
TH 15 101 18 3|AR -34 -64 15 6|HK 22.3 114.2 18 0.1|NG 9 8 15 4|VN 16 107 15 4|CL -33 -71 14 4
RO 46 25 15 2|HU 47 19.5 11 1|CO 4 -73 12 3|UA 49 32 12 4|BD 24 90 12 1|DZ 28 3 8 4|TN 34 9 8 1
MA 32 -6 9 2|IQ 33 44 12 2|AE 24 54 10 1|QA 25.3 51.2 5 0.2|SK 48.7 19.5 8 1|SI 46.1 14.8 5 0.5
HR 45.1 15.5 6 1|RS 44 21 8 1|BG 42.7 25.5 5 1|LT 55.2 24 4 1|EE 58.7 25.5 3 1|LV 56.9 24.6 2 1
LU 49.8 6.1 2.5 0.2|IS 65 -18 1.2 1|CY 35 33 2.5 0.4|KZ 48 67 4 6|JO 31 36.5 4 1|LB 33.9 35.9 3 0.3
KW 29.3 47.6 2 0.3|OM 21 57 2.5 2|ET 9 39 5 3|KE 0.5 38 5 2|GH 8 -1 4 1|UG 1.5 32.5 3 1|TZ -6 35 2.5 3
CM 6 12 3 2|SN 14.5 -14.5 1.2 1|ZW -19 30 1.5 2|ZM -14 28 0.8 3|MW -13.5 34 0.8 1|RW -2 30 0.6 0.3
BW -22 24 0.6 2|NA -22 17 0.5 3|MZ -18 35 0.5 3|BJ 9.5 2.3 0.6 1|BF 12 -1.5 0.6 1|CI 7.5 -5.5 0.7 1
ML 17 -4 0.3 3|NE 17 9 0.2 3|SD 15 30 1 4|LY 27 17 1 4|PE -9 -75 4 4|EC -1.5 -78 3 2|VE 7 -66 1.2 3
UY -33 -56 1.5 1|CU 21.5 -79 1.5 2|CR 10 -84 1 0.5|PA 8.5 -80 0.5 1|GT 15.5 -90.3 0.3 1|BO -17 -65 0.4 3
PY -23 -58 0.4 2|DO 19 -70.5 0.2 1|JM 18.1 -77.3 0.3 0.5|TT 10.5 -61.3 0.3 0.3|HN 15 -86.5 0.2 1
NI 13 -85 0.1 1|SV 13.7 -89 0.1 0.5|PH 12 122 5 4|LK 7.8 80.7 3 1|NP 28.2 84 2.5 1|MM 21 96 0.5 3
KH 12.5 105 0.4 1|LA 18 103 0.2 2|MN 46.8 103 0.5 5|BN 4.5 114.7 0.4 0.3|MO 22.2 113.5 1.5 0.05
AM 40.2 45 1 0.5|GE 42 43.5 1.5 1|AZ 40.3 47.7 1.5 1|BY 53.7 28 2.5 2|MD 47 28.5 0.5 0.5
BA 44 17.8 1.2 1|MK 41.6 21.7 0.8 0.5|AL 41 20 0.4 0.5|ME 42.7 19.3 0.4 0.3|XK 42.6 20.9 0.2 0.3
MT 35.9 14.4 0.6 0.1|AF 34 66 0.4 3|UZ 41.5 64 2 3|KG 41.5 74.5 0.3 2|TJ 38.8 71 0.3 1.5|TM 39 59.5 0.05 3
SY 35 38.5 1 2|YE 15.5 48 0.5 3|PS 31.9 35.2 0.8 0.3|BH 26 50.5 0.8 0.1|FJ -17.8 178 0.2 1
PG -6.5 145 0.15 3|MG -19 47 0.4 3|MU -20.3 57.6 0.3 0.2|GA -0.8 11.6 0.15 2|CG -0.7 15.5 0.1 2
CD -3 23.5 0.4 6|AO -12.3 17.5 0.15 4|SL 8.5 -11.8 0.1 1|LR 6.4 -9.4 0.05 1|GM 13.4 -15.4 0.1 0.3
GN 10.4 -10.9 0.1 2|TG 8.6 1 0.2 1|MR 20 -10.5 0.05 3|SO 6 46 0.1 3|ER 15.2 39 0.02 1|DJ 11.8 42.6 0.02 0.3
BI -3.4 29.9 0.05 0.5|SS 7.5 30 0.02 3|TD 15.5 19 0.03 4|CF 6.6 20.9 0.02 3|LS -29.6 28.2 0.05 0.5
SZ -26.5 31.5 0.05 0.3|BT 27.4 90.4 0.1 0.5|MV 3.2 73.2 0.05 0.5|GL 72 -40 0.03 5|LI 47.15 9.55 0.1 0.05
MC 43.74 7.42 0.1 0.02|AD 42.5 1.55 0.02 0.05|SM 43.94 12.46 0.02 0.05|BS 24.3 -76.6 0.03 1
BB 13.2 -59.55 0.05 0.1|GY 5 -59 0.03 1|SR 4 -56 0.03 1|BZ 17.2 -88.7 0.02 0.5|HT 19 -72.3 0.05 0.5
KP 40 127 0.05 1.5|PR 18.2 -66.5 1 0.4|NC -21.3 165.5 0.1 1|PF -17.6 -149.4 0.05 1
RE -21.1 55.5 0.2 0.2|GP 16.2 -61.5 0.1 0.2|MQ 14.6 -61 0.05 0.1|GF 4 -53 0.05 1|GU 13.45 144.8 0.05 0.1
VU -16 167 0.02 1|WS -13.8 -172 0.02 0.3|TO -21.2 -175.2 0.02 0.2|SB -9.6 160 0.02 2|TL -8.8 125.7 0.02 0.5
CV 15.1 -23.6 0.03 0.5|ST 0.2 6.6 0.01 0.1|GQ 1.6 10.3 0.02 0.5|GW 12 -15 0.03 0.5|KM -11.9 43.9 0.01 0.3
SC -4.7 55.5 0.03 0.1|BM 32.3 -64.8 0.03 0.05|KY 19.3 -81.3 0.01 0.1|FO 62 -6.9 0.05 0.3|GI 36.14 -5.35 0.02 0.01
`

/** One row of the table. */
export interface CountryRow {
  readonly code: string
  readonly lat: number
  readonly lon: number
  /** Relative research output (arbitrary units). */
  readonly output: number
  /** How far, in degrees, institution sites scatter around the centroid. */
  readonly spread: number
}

/** The rows of the table, in table order. */
export const COUNTRY_ROWS: readonly CountryRow[] = Object.freeze(
  TABLE.trim()
    .split(/[|\n]/)
    .map((cell) => {
      const [code = '', lat, lon, output, spread] = cell.trim().split(' ')
      return Object.freeze({
        code,
        lat: Number(lat),
        lon: Number(lon),
        output: Number(output),
        spread: Number(spread),
      })
    }),
)
