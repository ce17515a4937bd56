import { ingestFiles } from '@meridian/io'
import { sql } from '@meridian/indicators'
import type { Work } from '@meridian/model'
import { Store } from '@meridian/store'
import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// pybibx's same-topic exports (multiple-criteria decision analysis) from three databases.
const FILES = ['pybibx-bibs/mcda_scopus.bib', 'pybibx-bibs/mcda_wos.bib', 'pybibx-bibs/mcda_pubmed.txt'].map(
  shared,
)

describe.skipIf(!HAVE_SHARED_DATA)('cross-source merge on pybibx mcda exports', () => {
  it('merges Scopus, WoS and PubMed into one set; the DOI overlap equals the overlap read independently', async () => {
    // The overlap by DOI, read straight from the readers' records, with no store involved.
    const dois = new Map<string, Set<string>>()
    const records = new Map<string, number>()
    await ingestFiles(FILES, {
      add: (w: Work) => {
        if (!w.ids.doi) return
        const set = dois.get(w.ids.doi) ?? new Set()
        set.add(w.provenance.source)
        dois.set(w.ids.doi, set)
        records.set(w.ids.doi, (records.get(w.ids.doi) ?? 0) + 1)
      },
    })
    const bySources = (...sources: string[]) =>
      [...dois.values()].filter((s) => s.size === sources.length && sources.every((x) => s.has(x))).length

    const store = await Store.open({ path: ':memory:' })
    try {
      const run = await store.beginIngest()
      const read = await ingestFiles(FILES, run, { onError: 'fail' })
      const counts = await run.commit({ files: FILES, problems: 0, now: new Date(0) })
      expect(read.records).toBe(456) // 236 Scopus + 210 WoS + 10 PubMed
      expect(counts).toMatchObject({ added: 270, duplicatesInRun: 186, fuzzyMerges: 16 })

      const byDoi = counts.merges.filter((m) => m.basis === 'doi').length
      // Every record whose DOI an earlier record gave merges by DOI (one Scopus DOI is given twice).
      const independent = [...records.values()].reduce((n, k) => n + k - 1, 0)
      expect(byDoi).toBe(independent)
      expect(byDoi).toBe(170)
      // 150 DOIs in Scopus and WoS, 9 in all three, 1 in Scopus and PubMed: 150 + 2 x 9 + 1 = 169 merges, and
      // one Scopus record repeats another's DOI.
      expect(bySources('scopus', 'wos')).toBe(150)
      expect(bySources('scopus', 'wos', 'pubmed')).toBe(9)
      expect(bySources('scopus', 'pubmed')).toBe(1)
      expect(bySources('wos', 'pubmed')).toBe(0)
      expect(counts.merges.filter((m) => m.basis === 'title-year-first-author')).toHaveLength(16)

      // Checked by hand in the three files: one DOI merge and one fuzzy merge (the WoS record has no DOI).
      const [pavelka] = await store.runner.all(sql`SELECT w.doi, w.wos_ut, w.scopus_eid, w.title,
          (SELECT string_agg(r.source || ':' || r.basis, ' ' ORDER BY r.source) FROM work_records r
            WHERE r.work_id = w.work_id) AS records
        FROM works w WHERE lower(w.title) LIKE 'a paraconsistent pavelka technique%'`)
      expect(pavelka).toMatchObject({
        wos_ut: expect.stringMatching(/^\d{15}$/),
        scopus_eid: expect.stringMatching(/^2-s2\.0-/),
        records: 'scopus:new wos:title-year-first-author',
      })
      // Affiliations come from the first source in the precedence (Scopus before WoS) and say so.
      const sources = await store.runner.all(sql`SELECT field, source, count(*) AS n FROM work_field_sources
        GROUP BY field, source ORDER BY field, source`)
      expect(sources).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'affiliations', source: 'scopus' })]),
      )
      const status = await store.status()
      expect(status.works).toBe(270)
    } finally {
      store.close()
    }
  })
})
