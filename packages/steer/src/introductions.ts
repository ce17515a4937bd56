import { MeridianError } from '@meridian/model'
import type { CountedIntroduction } from './connect-kpi.js'
import type { SteerDb } from './schema.js'

/**
 * The few columns of CONNECT's marketplace tables (migration `0003-connect`) a CONNECT KPI reads. STEER does not
 * import `@meridian/connect` (that package stays free to use STEER's registry); it re-declares what it reads.
 */
type MarketTables = {
  market_records: { id: number; organisation_id: number | null; programme_id: number | null }
  market_interests: {
    id: number
    record_id: number
    organisation_id: number | null
    status: string
    decided_at: Date | null
  }
  market_outcomes: { id: number; interest_id: number; kind: string; on_date: string }
}

/** PostgreSQL's "undefined table": the state database was migrated without CONNECT's tables. */
const UNDEFINED_TABLE = '42P01'

/**
 * The introductions to a programme's marketplace records a CONNECT KPI counts: every expression of interest in
 * a record whose programme is `programmeId` that was accepted or has an agreement, with the two organisations'
 * countries (as `agreementCounts` of `@meridian/connect` reads them). Ordered by id.
 */
export async function programmeIntroductions(
  db: SteerDb,
  programmeId: number,
): Promise<CountedIntroduction[]> {
  const market = db.withTables<MarketTables>()
  try {
    const rows = await market
      .selectFrom('market_interests as i')
      .innerJoin('market_records as r', 'r.id', 'i.record_id')
      .leftJoin('organisations as owner', 'owner.id', 'r.organisation_id')
      .leftJoin('organisations as partner', 'partner.id', 'i.organisation_id')
      .select((eb) => [
        'i.id',
        'i.status',
        'i.decided_at',
        'owner.country as owner_country',
        'partner.country as partner_country',
        eb
          .selectFrom('market_outcomes as m')
          .select((o) => o.fn.min<string>('m.on_date').as('first'))
          .whereRef('m.interest_id', '=', 'i.id')
          .where('m.kind', '=', 'agreement')
          .as('agreed_on'),
      ])
      .where('r.programme_id', '=', programmeId)
      .where((eb) =>
        eb.or([
          eb('i.status', '=', 'accepted'),
          eb.exists(
            eb
              .selectFrom('market_outcomes as a')
              .select('a.id')
              .whereRef('a.interest_id', '=', 'i.id')
              .where('a.kind', '=', 'agreement'),
          ),
        ]),
      )
      .orderBy('i.id')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      acceptedOn:
        r.status === 'accepted' && r.decided_at !== null ? r.decided_at.toISOString().slice(0, 10) : null,
      agreedOn: r.agreed_on ?? null,
      ownerCountry: r.owner_country,
      partnerCountry: r.partner_country,
    }))
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === UNDEFINED_TABLE)
      throw new MeridianError(
        'INVALID_VALUE',
        `kpi.indicator: the CONNECT KPIs count the marketplace, whose tables this state database lacks (migration 0003-connect)`,
        { cause: error },
      )
    throw error
  }
}
