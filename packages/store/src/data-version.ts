import { sql, type SqlRunner } from '@meridian/indicators'

/** What a store holds, stamped on every result so the same command on the same store is reproducible. */
export interface DataVersion {
  /** Number of ingest runs; changes whenever the data does. */
  readonly ingests: number
  readonly lastIngestAt: string | null
  readonly works: number
  /** Patents stored (`patents` table). */
  readonly patents: number
  /** `true` when any work comes from the generated demo corpus. */
  readonly synthetic: boolean
  /** Increases with every operation that changes data (ingest, re-resolving affiliations). */
  readonly revision: number
  /** The overrides file in effect (its SHA-256), or `null`. */
  readonly overrides: string | null
  /** The ROR registry last loaded (file, organisations, when), or `null`. */
  readonly registry: {
    readonly file: string
    readonly organisations: number
    readonly loadedAt: string
  } | null
}

export async function readDataVersion(db: SqlRunner): Promise<DataVersion> {
  const [row] = await db.all(sql`SELECT
    (SELECT count(*) FROM ingests) AS ingests,
    (SELECT max(finished_at) FROM ingests) AS last_ingest_at,
    (SELECT count(*) FROM works) AS works,
    (SELECT count(*) FROM patents) AS patents,
    (SELECT count(*) FROM works WHERE synthetic) AS synthetic,
    (SELECT max(value) FROM meta WHERE key = 'registry') AS registry,
    (SELECT max(value) FROM meta WHERE key = 'revision') AS revision,
    (SELECT max(value) FROM meta WHERE key = 'overrides') AS overrides`)
  return {
    ingests: Number(row?.ingests ?? 0),
    lastIngestAt: (row?.last_ingest_at as string | null) ?? null,
    works: Number(row?.works ?? 0),
    patents: Number(row?.patents ?? 0),
    synthetic: Number(row?.synthetic ?? 0) > 0,
    revision: Number(row?.revision ?? 0),
    overrides:
      typeof row?.overrides === 'string' ? (JSON.parse(row.overrides) as { sha256: string }).sha256 : null,
    registry:
      typeof row?.registry === 'string' ? (JSON.parse(row.registry) as DataVersion['registry']) : null,
  }
}
