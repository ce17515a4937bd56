import { Fragment } from 'preact'
import { api, type Params } from '../api/client.js'
import type { Coverage, Method } from '../api/types.js'
import { formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { useFetch } from '../lib/use-fetch.js'

/** How a chart's numbers were computed: definition, counting, country policy, period, coverage, CLI and SQL. */
export function MethodCard(props: {
  readonly method: Method
  readonly coverage: Coverage | null
  readonly cli: string
  /** More rows, such as a matrix normalisation and its formula. */
  readonly extra?: readonly (readonly [string, string])[]
}) {
  const { method, coverage, cli } = props
  const references = method.references ?? []
  const queries = typeof method.sql === 'string' ? { '': method.sql } : method.sql
  const period = method.years
    ? method.years.from === method.years.to
      ? String(method.years.from)
      : `${method.years.from}–${method.years.to}`
    : t('control.allYears')
  return (
    <details class="method-card">
      <summary>
        {t('method.title')}: {tMaybe(`counting.${method.counting}`, method.counting)} ·{' '}
        {tMaybe(`policy.${method.countryPolicy}`, method.countryPolicy)} · {period}
      </summary>
      <dl>
        <dt>{t('method.definition')}</dt>
        <dd>{method.definition}</dd>
        <dt>{t('method.formula')}</dt>
        <dd>
          <code>{method.formula}</code>
        </dd>
        <dt>{t('method.counting')}</dt>
        <dd data-field="counting">{method.counting}</dd>
        {(props.extra ?? []).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </Fragment>
        ))}
        <dt>{t('method.policy')}</dt>
        <dd data-field="policy">
          <code>{method.countryPolicy}</code>: {method.countryPolicyDescription}
        </dd>
        <dt>{t('method.period')}</dt>
        <dd>{period}</dd>
        {coverage ? (
          <>
            <dt>{t('method.coverage')}</dt>
            <dd>
              {t('method.coverageText', {
                works: formatNumber(coverage.works),
                withCountry: formatNumber(coverage.worksWithCountry),
                without: formatNumber(coverage.worksWithoutCountry),
                international: formatNumber(coverage.internationalWorks),
                corresponding: formatNumber(coverage.correspondingAuthorKnown),
              })}
            </dd>
          </>
        ) : null}
        {references.length ? (
          <>
            <dt>{t('method.references')}</dt>
            <dd>
              <ul>
                {references.map((reference) => (
                  <li key={reference.citation}>
                    {reference.citation}{' '}
                    {reference.doi ? (
                      <a href={`https://doi.org/${reference.doi}`} rel="noreferrer" target="_blank">
                        doi:{reference.doi}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('method.cli')}</dt>
        <dd>
          <pre class="cli">
            <code>{cli}</code>
          </pre>
        </dd>
        <dt>{t('method.sql')}</dt>
        <dd>
          {Object.entries(queries).map(([part, text]) => (
            <pre class="sql" key={part} data-part={part}>
              <code>{part ? `-- ${part}\n${text}` : text}</code>
            </pre>
          ))}
        </dd>
      </dl>
    </details>
  )
}

/** The method card of an indicator for the given options, as the server describes it (with its CLI command). */
export function IndicatorMethodCard(props: {
  readonly indicator: string
  readonly params: Params
  readonly coverage: Coverage | null
}) {
  const loaded = useFetch(JSON.stringify([props.indicator, props.params]), () =>
    api.method(props.indicator, props.params),
  )
  if (loaded.state !== 'done') return null
  return <MethodCard method={loaded.value.method} coverage={props.coverage} cli={`npx ${loaded.value.cli}`} />
}
