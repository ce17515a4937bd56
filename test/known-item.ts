import type { RecordView } from '@meridian/connect'

/** A seeded generator (mulberry32): the same sample on every run, no Math.random. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A published technology need written from a known item: its title, a summary and classes; nothing else. */
export const needRecord = (need: {
  readonly id: number
  readonly title: string
  readonly summary: string
  readonly classes?: readonly string[]
}): RecordView => ({
  id: need.id,
  type: 'technology-request',
  status: 'published',
  organisation: null,
  brokerOrganisationId: null,
  externalId: null,
  title: need.title,
  summary: need.summary,
  problem: null,
  advantage: null,
  keywords: [],
  fields: [],
  classes: need.classes ?? [],
  nace: [],
  trl: null,
  iprStatus: null,
  patentNumber: null,
  partnershipTypes: [],
  partnerRoles: [],
  partnerCountries: [],
  languages: ['en'],
  programmeId: null,
  call: null,
  deadline: null,
  expiresOn: null,
  reviewReasons: [],
  reviewNote: null,
  outcome: null,
  synthetic: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
})
