/** Okabe & Ito (2008) colour-blind-safe categorical palette (black left out: it is the text colour). */
export const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
] as const

/** The colour of cluster `i`; clusters beyond the palette share a neutral grey. */
export const clusterColor = (i: number): string => CATEGORICAL[i] ?? '#BBBBBB'

/** Sequential scheme for maps and heatmaps: cividis is designed to read the same with colour-vision deficiency. */
export const SEQUENTIAL = 'cividis' as const
