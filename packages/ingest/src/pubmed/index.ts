export { readPubmedMedline, detectPubmedMedline } from './pubmed-medline.js'
