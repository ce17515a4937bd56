import { geoEqualEarth, geoPath } from 'd3-geo'
import { useMemo } from 'preact/hooks'
import type { Programme } from '../api/steer-types.js'
import { countryName, t } from '../i18n/i18n.js'
import { worldCountries } from '../map/world.js'
import { countryList } from './format.js'
import { Section } from './section.js'

const WIDTH = 960
const HEIGHT = 470
const HOME = '#0b5cad'
const PARTNER = '#e69f00'

/** Where the programme works: its own countries and its partner countries on the world map, listed below. */
export function PartnerMap(props: { readonly programme: Programme }) {
  const { programme } = props
  const features = worldCountries()
  const path = useMemo(
    () =>
      geoPath(
        geoEqualEarth().fitSize([WIDTH, HEIGHT], {
          type: 'FeatureCollection',
          features: features as never[],
        }),
      ),
    [features],
  )
  const home = new Set(programme.countries)
  const partners = new Set([
    ...programme.partnerCountries,
    ...programme.entities.flatMap((e) => (e.country && !home.has(e.country) ? [e.country] : [])),
  ])
  const role = (code: string | null) =>
    code === null ? null : home.has(code) ? 'home' : partners.has(code) ? 'partner' : null
  const label = (code: string, kind: 'home' | 'partner') =>
    `${countryName(code)}: ${kind === 'home' ? t('steer.homeCountry') : t('steer.partnerCountry')}`
  return (
    <Section id="programme-map" title={t('steer.map')}>
      <svg
        class="chart map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('steer.mapLabel', {
          home: countryList([...home]),
          partners: countryList([...partners]),
        })}
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect width={WIDTH} height={HEIGHT} fill="#f4f7fb" />
        {features.map((f, i) => {
          const kind = role(f.properties.code)
          return (
            <path
              key={`${f.properties.code ?? f.properties.name}-${i}`}
              d={path(f) ?? ''}
              fill={kind === 'home' ? HOME : kind === 'partner' ? PARTNER : '#e2e2e2'}
              stroke="#fff"
              stroke-width={0.5}
              data-country={kind ? f.properties.code : undefined}
              data-role={kind ?? undefined}
            >
              {kind && f.properties.code ? <title>{label(f.properties.code, kind)}</title> : null}
            </path>
          )
        })}
      </svg>
      <ul class="map-key">
        <li>
          <span class="swatch-box" style={{ background: HOME }} />{' '}
          <span data-testid="home-countries">{t('steer.homeList', { list: countryList([...home]) })}</span>
        </li>
        <li>
          <span class="swatch-box" style={{ background: PARTNER }} />{' '}
          <span data-testid="partner-countries">
            {t('steer.partnerList', { list: countryList([...partners]) })}
          </span>
        </li>
      </ul>
      <p class="hint">{t('steer.mapHint')}</p>
    </Section>
  )
}
