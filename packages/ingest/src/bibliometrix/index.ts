export { bibliometrixMetaTags, type BibliometrixDb, type BibliometrixFields } from './meta-tag-extraction.js'
export {
  bibtexFields,
  bibtexTitleKey,
  pubmedFields,
  scopusCsvFields,
  wosPlaintextFields,
  type BibtexFieldsOptions,
} from './converter-fields.js'
export { BIBLIOMETRIX_COUNTRY_LIST, type BibliometrixCountryName } from './countries-list.js'
