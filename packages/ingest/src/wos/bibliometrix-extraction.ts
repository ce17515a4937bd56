import type { BibliometrixCountries } from '@meridian/model'
import { bibliometrixMetaTags, wosPlaintextFields } from '../bibliometrix/index.js'

/**
 * The countries bibliometrix (5.4) extracts from a Web of Science record, reproduced with its faults, for
 * the `bibliometrix` country policy. Our own reading (`wosAddressCountry`) is the better one; this exists to
 * match bibliometrix's tables exactly. Takes the `C1` values as the file gives them (bracket groups included,
 * one address each) and the `RP` value with its lines joined by a space, builds `C1`/`RP` as `isi2df` does
 * and reads them as `metaTagExtraction`'s `AU_CO`/`AU1_CO` do.
 *
 * @example
 * const address = 'Univ Barcelona, Melcior de Palau 140, Barcelona 08014, Spain.'
 * bibliometrixCountries([`[Borrego, A] ${address}`], `Borrego, A (reprint author), ${address}`)
 * // { countries: ['ES'], corresponding: 'PW' }
 */
export function bibliometrixCountries(c1: readonly string[], rp: string | null): BibliometrixCountries {
  return bibliometrixMetaTags(wosPlaintextFields(c1, rp))
}
