import type { RorRecord } from './ror-record.js'

/**
 * One record as a line of ROR schema v2 JSON, holding only what Meridian reads (names, types, status,
 * first location, relationships, established): the compact form a store keeps, read back by
 * `readRorRegistry` to the same record (its provenance aside).
 */
export function rorV2Line(record: RorRecord): string {
  return JSON.stringify({
    id: record.id,
    names: record.names.map((n) => ({ value: n.value, types: n.types, lang: n.lang })),
    types: record.types,
    status: record.status,
    established: record.established,
    locations: [
      {
        geonames_details: {
          country_code: record.country,
          name: record.city,
          lat: record.lat,
          lng: record.lon,
        },
      },
    ],
    relationships: record.relationships.map((r) => ({ id: r.id, label: r.label, type: r.type })),
  })
}
