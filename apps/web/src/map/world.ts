import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import atlas from 'world-atlas/countries-110m.json'
import { NUMERIC_TO_ALPHA2 } from './iso-numeric.js'

/** A country shape with its ISO alpha-2 code (`null` for territories no source codes, like N. Cyprus). */
export type CountryFeature = Feature<Geometry, { readonly name: string; readonly code: string | null }>

const BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' }

let cached: readonly CountryFeature[] | undefined

/** The world's countries at 1:110m (Natural Earth via world-atlas, bundled; no network), Antarctica left out. */
export function worldCountries(): readonly CountryFeature[] {
  if (cached) return cached
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >
  cached = collection.features
    .map((f) => ({
      ...f,
      properties: {
        name: f.properties.name,
        code: (f.id !== undefined ? NUMERIC_TO_ALPHA2[String(f.id)] : BY_NAME[f.properties.name]) ?? null,
      },
    }))
    .filter((f) => f.properties.code !== 'AQ')
  return cached
}
