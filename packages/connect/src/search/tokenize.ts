// Terms for expertise search: one tokenizer for indexing and querying, so a query meets the index's terms.

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' })

/** Text with Han, kana or Hangul characters, which write words without spaces between them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Words that say nothing of a topic; a title-and-abstract query is mostly these. */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after all also an and any are as at be been being between both but by can could did do ' +
    'does doing during each few for from further had has have having here how however i if in into is it its ' +
    'itself more most no nor not of off on once only or other our out over own same should so some such than ' +
    'that the their them then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with within without would you paper study article results ' +
    'using based use used show shows new two one three'
  ).split(' '),
)

/**
 * Words of a text: Unicode word segments (`Intl.Segmenter`, Chinese dictionary segmentation, so "石墨烯电池"
 * gives 石墨, 烯, 电池 as "石墨烯 储能" gives 石墨, 烯, 储, 能), word-like segments only.
 */
export function tokenize(text: string): string[] {
  const words: string[] = []
  for (const s of SEGMENTER.segment(text)) if (s.isWordLike) words.push(s.segment)
  return words
}

/**
 * A light English stemmer: plurals only (`networks` -> `network`, `studies` -> `study`, `classes` ->
 * `class`), so it never cuts into a word's stem: "acknowledge" stays apart from "knowledge".
 */
export function stem(word: string): string {
  if (word.length <= 3) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !/(?:ss|us|is|ys)$/.test(word)) return word.slice(0, -1)
  return word
}

/**
 * One term as the index keeps it: lower case (NFKC, so full-width Latin letters meet their ASCII forms), stop
 * words dropped, Latin words stemmed; Chinese and Japanese segments kept as they are.
 */
export function processTerm(term: string): string | null {
  const lower = term.normalize('NFKC').toLowerCase()
  if (CJK.test(lower)) return lower
  if (STOPWORDS.has(lower) || /^\d{1,3}$/.test(lower)) return null
  return stem(lower)
}
