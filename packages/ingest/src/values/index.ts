export { countFromNumber, countFromText, yearAndCount, yearFromNumber, yearFromText } from './numbers.js'
export type { ValueProblem } from './numbers.js'
export { quote, quoteText } from './quote.js'
export { MAX_DOCUMENT_LENGTH, wholeDocument } from './document.js'
