export { readBibtexEntries, type BibtexEntry } from './bibtex-entries.js'
export { bibtexText, bibtexLines, splitBibtexNames } from './bibtex-text.js'
export { readScopusBibtex, detectScopusBibtex } from './scopus-bibtex.js'
export { readWosBibtex, detectWosBibtex, splitWosAffiliation } from './wos-bibtex.js'
