export { readCrossrefJson, readCrossrefText, detectCrossrefJson } from './crossref-json.js'
