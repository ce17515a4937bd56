/**
 * Text normalisation shared by the registry index and the matcher, so both sides of a comparison are
 * folded the same way: accents stripped, lower case, common abbreviations contracted to one canonical
 * form (`University`, `Univ.` -> `univ`; `Centre`, `Ctr` -> `ctr`), stopwords dropped, and runs of CJK
 * characters split into overlapping character pairs (CJK names are written without spaces).
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

const CONTRACTIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    univ:
      'university universities univ uni univer universidad universidade universita universitat universitaet ' +
      'universite universiteit uniwersytet univerzita univerza universitet universiti universitas',
    inst: 'institute institutes inst institution institut instituto istituto instytut institutet',
    dept: 'department departments dept dep depts departamento departement',
    natl: 'national natl nat nacional nazionale nationale nationaal',
    ctr: 'center centre centers centres ctr cntr cent centro zentrum',
    hosp: 'hospital hospitals hosp hopital ospedale hospitalar',
    lab: 'laboratory laboratories lab labs laboratoire laboratorio laboratorium',
    coll: 'college colleges coll',
    sch: 'school schools sch',
    acad: 'academy academies acad academia academie akademie akademia',
    med: 'medicine medical med medicina medecine medizin medizinische medica medico',
    sci: 'science sciences sci scientific ciencias ciencia scienze sciencias',
    tech: 'technology technologies technol tech technological technische technical tecnologia technologie tecnologica',
    eng: 'engineering engn eng',
    res: 'research res recherche investigacion ricerca forschung pesquisa',
    st: 'saint st ste sainte sankt san santa sao',
    mt: 'mount mt',
    intl: 'international int intl',
    fdn: 'foundation fdn fundacion fondazione fundacao stiftung',
    agr: 'agriculture agricultural agr agric agronomy agronomic',
    environ: 'environment environmental environm',
    chem: 'chemistry chemical chem',
    phys: 'physics physical phys',
    biol: 'biology biological biol',
    math: 'mathematics mathematical math',
    hlth: 'health hlth',
    corp: 'corporation corp',
    co: 'company co',
    ltd: 'limited ltd',
    inc: 'incorporated inc',
    gen: 'general gen',
    educ: 'education educational educ',
    fac: 'faculty faculties fac facultad faculdade facolta',
    div: 'division div',
    polytech: 'polytechnic polytech politecnico polytechnique politecnica',
    ctrl: 'central ctrl',
    prov: 'provincial province prov',
    fed: 'federal fed federale',
    econ: 'economics economic econ economy',
  }).flatMap(([canon, words]) => words.split(' ').map((word) => [word, canon])),
)

/** The canonical forms abbreviations contract to (`univ`, `inst`, ...): never a name on their own. */
export const CANONICAL_WORDS: ReadonlySet<string> = new Set(CONTRACTIONS.values())

/** Words that carry no identity: articles and prepositions in the languages ROR names are written in. */
const STOPWORDS = new Set(
  (
    'of the and for in at on a an to by with from ' +
    'de del della delle degli dei di da do dos das du des la le les el los las y e et en ' +
    'und fur fuer der die das den dem zu zur zum im am van von voor het ' +
    'i och og af ja ve'
  ).split(' '),
)

const isCjk = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
  (c >= 0xf900 && c <= 0xfaff)

const MARKS = /\p{M}+/gu
const APOSTROPHES = /['’`´ʼ]/g
const SEPARATORS = /[^\p{L}\p{N}]+/u

/** Accents stripped, lower case, `&` as `and`, apostrophes dropped, other punctuation as spaces. */
export function fold(text: string): string {
  let out = text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '')
  out = out.replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
  return out.replace(/&/g, ' and ')
}

function pushCjk(run: string, out: string[]): void {
  if (run.length === 1) out.push(run)
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2))
}

/** The words of `text` after folding, before contraction: what acronyms and place names are looked up by. */
export function words(text: string): string[] {
  return fold(text)
    .split(SEPARATORS)
    .filter((w) => w !== '')
}

/**
 * The canonical tokens of a name or affiliation segment, in order, with repeats: folded, contracted,
 * stopwords dropped, CJK runs as character pairs. Numbers are kept ("UMR 8129" is not "UMR 7052"); the
 * matcher ignores those the registry never uses (postcodes, street numbers).
 * @example
 * tokens('Dept. of Physics, Univ. of Oxford') // ['dept', 'phys', 'univ', 'oxford']
 */
export function tokens(text: string): string[] {
  const out: string[] = []
  for (const word of words(text)) {
    if (STOPWORDS.has(word)) continue
    let cjkStart = -1
    let plain = ''
    for (let i = 0; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) : 0
      const cjk = i < word.length && isCjk(c)
      if (cjk && cjkStart < 0) {
        if (plain) out.push(CONTRACTIONS.get(plain) ?? plain)
        plain = ''
        cjkStart = i
      } else if (!cjk && cjkStart >= 0) {
        pushCjk(word.slice(cjkStart, i), out)
        cjkStart = -1
      }
      if (!cjk && i < word.length) plain += word[i]
    }
    if (plain) out.push(CONTRACTIONS.get(plain) ?? plain)
  }
  return out
}
