import type { Programme } from '../api/steer-types.js'
import { countryName, t, tMaybe } from '../i18n/i18n.js'
import { Section } from './section.js'

const ROR = /^https:\/\/ror\.org\/0[a-z0-9]{6}\d{2}$/

/** Who is responsible: each entity with its role, country, component and ROR link. */
export function EntitiesPanel(props: { readonly programme: Programme }) {
  const { entities, components } = props.programme
  const columns = {
    name: t('field.name'),
    role: t('steer.col.role'),
    country: t('col.country'),
    component: t('steer.col.component'),
    ror: t('steer.col.ror'),
  }
  return (
    <Section id="programme-entities" title={t('steer.entities')}>
      {entities.length === 0 ? (
        <p class="muted">{t('steer.noEntities')}</p>
      ) : (
        <table class="stack entities" data-testid="entity-table">
          <thead>
            <tr>
              {Object.values(columns).map((title) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => {
              const component = components.find((c) => c.id === e.componentId)
              return (
                <tr key={e.id} data-entity={e.id}>
                  <td data-label={columns.name} translate={false}>
                    {e.name}
                  </td>
                  <td data-label={columns.role}>
                    <span class={`badge role-${e.role}`}>{tMaybe(`steer.role.${e.role}`, e.role)}</span>
                  </td>
                  <td data-label={columns.country}>{e.country ? countryName(e.country) : '–'}</td>
                  <td data-label={columns.component}>
                    {component ? <span translate={false}>{component.title}</span> : t('steer.wholeProgramme')}
                  </td>
                  <td data-label={columns.ror}>
                    {e.rorId && ROR.test(e.rorId) ? (
                      <a href={e.rorId} rel="noreferrer" target="_blank" translate={false}>
                        {e.rorId.replace('https://ror.org/', '')}
                      </a>
                    ) : (
                      <span class="muted">{e.rorId ?? '–'}</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </Section>
  )
}
