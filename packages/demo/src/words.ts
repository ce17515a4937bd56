/** Word pools for synthetic titles, names and addresses. None of it refers to a real work or person. */

export const TITLE_ADJECTIVES = Object.freeze(
  (
    'adaptive robust sparse latent coupled nonlinear stochastic emergent scalable spatial temporal comparative ' +
    'longitudinal multiscale hybrid distributed hierarchical quantitative regional global early persistent ' +
    'resilient dynamic structural functional integrated contrasting transient modular collective open ' +
    'heterogeneous anisotropic selective localized bounded'
  ).split(' '),
)

export const TITLE_NOUNS = Object.freeze(
  (
    'networks models signals sediments membranes cohorts alloys catalysts lattices markets pathways ' +
    'receptors climates crystals policies ecosystems algorithms polymers tissues circuits fluxes waves ' +
    'genomes proteins households aquifers grids embeddings microbiomes cities coatings sensors rivers ' +
    'enzymes cortices forests interfaces vaccines agents batteries galaxies soils'
  ).split(' '),
)

export const TITLE_LINKS = Object.freeze(['of', 'in', 'for', 'under', 'across', 'and'])

/** Syllables from which synthetic personal and place names are assembled. */
export const SYLLABLES = Object.freeze(
  (
    'ka ri lo ma ten sa vi no bel da mi ra to len su fa ne ko li ar el an or is ta ve zu ho pe gi mo ru shi ' +
    'yan wei ol ad im un ber qin tao mar ek us dor fen lia nor pa sol tri ul wen xa yo zen hal jin'
  ).split(' '),
)

/** Department names used in synthetic address strings. */
export const DEPARTMENTS = Object.freeze(
  (
    'Physics|Chemistry|Medicine|Biology|Computer Science|Mathematics|Engineering|Economics|Geosciences|' +
    'Psychology|Materials|Public Health|Environmental Studies|Neuroscience'
  ).split('|'),
)

/** Research themes used in names of government laboratories and institutes. */
export const THEMES = Object.freeze(
  'Energy|Health|Marine|Space|Agricultural|Materials|Climate|Standards|Nuclear|Data'.split('|'),
)
