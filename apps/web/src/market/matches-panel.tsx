import { useEffect, useState } from 'preact/hooks'
import { INSTITUTION_TYPES } from '../api/connect-types.js'
import {
  MATCH_KINDS,
  NEED_TYPES,
  PARTNERSHIP_TYPES,
  type MarketRecord,
  type Matches,
  type MatchRow,
} from '../api/market-types.js'
import { countryName, formatNumber, getLang, t, tMaybe, useLang } from '../i18n/i18n.js'
import { shellArgs } from '../lib/cli.js'
import { institutionHref } from '../lib/route.js'
import { Section } from '../steer/section.js'
import { useLatest } from '../workspace/use-latest.js'
import { marketApi } from './client.js'
import { label } from './format.js'
import { MarketLoaded } from './market-error.js'
import { matchFilters, matchParams, PAGE_SIZES, type MatchFilters } from './model.js'
import { recordHref, updateMarketParams } from './route.js'

const TRLS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

/**
 * Who matches the record: organisations, researchers and other records, ranked, each with the API's reasons
 * (in the interface's language) and its evidence; filters and the page live in the URL hash; no cap.
 */
export function MatchesPanel(props: {
  readonly record: MarketRecord
  readonly params: Readonly<Record<string, string>>
}) {
  const lang = useLang()
  const filters = matchFilters(props.params)
  const params = matchParams(filters, lang)
  const loaded = useLatest(`matches:${props.record.id}:${JSON.stringify(params)}`, () =>
    marketApi.matches(props.record.id, params),
  )
  return (
    <Section id="matches" title={t('market.matches')} wide>
      <p class="muted">
        {t(NEED_TYPES.includes(props.record.type) ? 'market.matchesNeed' : 'market.matchesOffer')}
      </p>
      <MatchFiltersForm filters={filters} record={props.record} />
      <MarketLoaded loaded={loaded}>
        {(matches) => (
          <>
            <MatchList matches={matches} />
            <Pager matches={matches} />
            <MatchMethod matches={matches} record={props.record} filters={filters} />
          </>
        )}
      </MarketLoaded>
    </Section>
  )
}

function MatchFiltersForm(props: { readonly filters: MatchFilters; readonly record: MarketRecord }) {
  const { filters } = props
  const [countries, setCountries] = useState(filters.countries)
  useEffect(() => setCountries(filters.countries), [filters.countries])
  const records = filters.kinds.includes('record')
  const select = (
    key: 'types' | 'trlMin' | 'trlMax' | 'partnershipTypes' | 'pageSize',
    text: string,
    options: readonly (readonly [string, string])[],
    value: string,
  ) => (
    <label class="control" for={`matches-${key}`}>
      <span>{text}</span>
      <select
        id={`matches-${key}`}
        value={value}
        onChange={(event) =>
          updateMarketParams({ [key]: (event.currentTarget as HTMLSelectElement).value, page: undefined })
        }
      >
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  )
  const any = ['', t('market.any')] as const
  return (
    <form
      class="toolbar filters match-filters"
      aria-label={t('market.matchFilters')}
      data-testid="match-filters"
      onSubmit={(event) => {
        event.preventDefault()
        updateMarketParams({ countries: countries.replace(/\s+/g, '').toUpperCase(), page: undefined })
      }}
    >
      <fieldset class="control kinds">
        <legend>{t('market.matchKinds')}</legend>
        {MATCH_KINDS.map((kind) => (
          <label key={kind} class="check" for={`matches-kind-${kind}`}>
            <input
              type="checkbox"
              id={`matches-kind-${kind}`}
              checked={filters.kinds.includes(kind)}
              onChange={(event) => {
                const on = (event.currentTarget as HTMLInputElement).checked
                const kinds = on ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind)
                updateMarketParams({
                  kinds:
                    kinds.length === MATCH_KINDS.length || kinds.length === 0 ? undefined : kinds.join(','),
                  page: undefined,
                })
              }}
            />
            {label('match', kind)}
          </label>
        ))}
      </fieldset>
      <label class="control" for="matches-countries">
        <span>{t('market.matchCountries')}</span>
        <input
          id="matches-countries"
          type="search"
          value={countries}
          autocomplete="off"
          placeholder={props.record.partnerCountries.join(',') || 'DE,FR'}
          aria-describedby="matches-countries-hint"
          onInput={(event) => setCountries((event.currentTarget as HTMLInputElement).value)}
        />
        <span class="field-hint" id="matches-countries-hint">
          {props.record.partnerCountries.length > 0
            ? t('market.matchCountriesDefault')
            : t('market.codesHint')}
        </span>
      </label>
      {select(
        'types',
        t('market.orgType'),
        [any, ...INSTITUTION_TYPES.map((type) => [type, tMaybe(`itype.${type}`, type)] as const)],
        filters.types,
      )}
      {records
        ? select(
            'trlMin',
            t('market.recordTrlMin'),
            [any, ...TRLS.map((n) => [n, n] as const)],
            filters.trlMin,
          )
        : null}
      {records
        ? select(
            'trlMax',
            t('market.recordTrlMax'),
            [any, ...TRLS.map((n) => [n, n] as const)],
            filters.trlMax,
          )
        : null}
      {records
        ? select(
            'partnershipTypes',
            t('market.recordPartnership'),
            [any, ...PARTNERSHIP_TYPES.map((p) => [p, label('pt', p)] as const)],
            filters.partnershipTypes,
          )
        : null}
      {select(
        'pageSize',
        t('market.pageSize'),
        PAGE_SIZES.map((n) => [String(n), formatNumber(n)] as const),
        String(filters.pageSize),
      )}
      <div class="control filter-apply">
        <button type="submit" class="primary">
          {t('market.apply')}
        </button>
      </div>
    </form>
  )
}

/** A candidate's name: an organisation links to its profile, a record to its page. */
function Candidate(props: { readonly row: MatchRow }) {
  const { organisation, researcher, record } = props.row
  if (organisation)
    return (
      <>
        {organisation.id.startsWith('applicant:') ? (
          // A patent applicant the works do not know: it has no institution page.
          <span translate={false} class="candidate-name">
            {organisation.name}
          </span>
        ) : (
          <a href={institutionHref(organisation.id)} translate={false}>
            {organisation.name}
          </a>
        )}
        <span class="muted">
          {organisation.country ? ` · ${countryName(organisation.country)}` : ''}
          {organisation.type ? ` · ${tMaybe(`itype.${organisation.type}`, organisation.type)}` : ''}
        </span>
      </>
    )
  if (researcher)
    return (
      <>
        <span translate={false} class="candidate-name">
          {researcher.name}
        </span>
        {researcher.institution ? (
          <span class="muted" translate={false}>
            {' · '}
            {researcher.institution}
          </span>
        ) : null}
        {researcher.country ? <span class="muted"> · {countryName(researcher.country)}</span> : null}
      </>
    )
  if (record)
    return (
      <>
        <a href={recordHref(record.id)} translate={false}>
          {record.title}
        </a>
        <span class="muted">
          {' · '}
          {label('type', record.type)}
          {record.organisation ? (
            <>
              {' · '}
              <span translate={false}>{record.organisation}</span>
            </>
          ) : null}
          {record.country ? ` · ${countryName(record.country)}` : ''}
        </span>
      </>
    )
  return null
}

function MatchList(props: { readonly matches: Matches }) {
  const { matches } = props
  if (matches.rows.length === 0)
    return (
      <p class="muted" data-testid="no-matches">
        {t('market.noMatches')}
      </p>
    )
  return (
    <ol class="matches-list" data-testid="match-list" start={matches.rows[0]?.rank ?? 1}>
      {matches.rows.map((row) => (
        <li key={`${row.kind}:${row.rank}`} class="match" data-kind={row.kind} data-rank={row.rank}>
          <div class="match-head">
            <span class={`badge kind-${row.kind}`}>{label('kind', row.kind)}</span>
            <span class="match-name">
              <Candidate row={row} />
            </span>
            <span class="match-score muted" data-value={row.score}>
              {t('market.score', { score: formatNumber(row.score, 2) })}
            </span>
          </div>
          <ul class="reasons" aria-label={t('market.reasons')} data-testid="match-reasons">
            {row.reasons.map((reason, i) => (
              <li key={i} data-reason={reason.kind} translate={false}>
                {reason.text}
              </li>
            ))}
          </ul>
          {row.evidence.works.length > 0 ? (
            <ul class="evidence" aria-label={t('market.evidenceWorks')} data-testid="match-works">
              {row.evidence.works.map((work) => (
                <li key={work.id} data-work={work.id}>
                  <span class="muted">{work.year ?? '–'}</span>{' '}
                  {work.doi ? (
                    <a
                      href={`https://doi.org/${work.doi}`}
                      rel="noreferrer"
                      target="_blank"
                      translate={false}
                    >
                      {work.title ?? work.doi}
                    </a>
                  ) : (
                    <span translate={false}>{work.title ?? '–'}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {row.evidence.patents.length > 0 ? (
            <ul class="evidence" aria-label={t('market.evidencePatents')} data-testid="match-patents">
              {row.evidence.patents.map((patent) => (
                <li key={patent.id} data-patent={patent.number}>
                  <span class="muted">{patent.year ?? '–'}</span>{' '}
                  {patent.url ? (
                    <a href={patent.url} rel="noreferrer" target="_blank" translate={false}>
                      {patent.title || patent.number}
                    </a>
                  ) : (
                    <span translate={false}>{patent.title || patent.number}</span>
                  )}{' '}
                  <span class="muted" translate={false}>
                    {patent.number}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {row.evidence.terms.length > 0 ? (
            <p class="terms" aria-label={t('market.termsInCommon')}>
              {row.evidence.terms.map((term) => (
                <span key={term} class="term" translate={false}>
                  {term}
                </span>
              ))}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

/** Previous and next pages, and where this page lies among all the candidates. */
function Pager(props: { readonly matches: Matches }) {
  const { total, page, pageSize, rows } = props.matches
  if (total === 0) return null
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const first = (page - 1) * pageSize + 1
  return (
    <nav class="pager match-pager" aria-label={t('market.pages')}>
      <p class="muted" data-testid="match-count">
        {t('market.matchCount', {
          from: formatNumber(Math.min(first, total)),
          to: formatNumber(first + rows.length - 1),
          total: formatNumber(total),
        })}
      </p>
      <div class="form-actions">
        <button
          type="button"
          disabled={page <= 1}
          data-testid="match-previous"
          onClick={() => updateMarketParams({ page: page - 1 > 1 ? String(page - 1) : undefined })}
        >
          {t('market.previous')}
        </button>
        <span class="muted">
          {t('market.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}
        </span>
        <button
          type="button"
          disabled={page >= pages}
          data-testid="match-next"
          onClick={() => updateMarketParams({ page: String(page + 1) })}
        >
          {t('market.next')}
        </button>
      </div>
    </nav>
  )
}

/** How the matches were found: the server's method (in English) and the command that reproduces them. */
function MatchMethod(props: {
  readonly matches: Matches
  readonly record: MarketRecord
  readonly filters: MatchFilters
}) {
  const { method } = props.matches
  const { filters, record } = props
  const side = NEED_TYPES.includes(record.type) ? 'need' : 'offer'
  const rows: readonly (readonly [string, string])[] = [
    [t('market.m.query'), method.query],
    [t('market.m.scoring'), method.scoring],
    [t('market.m.languages'), method.languages],
    [t('market.m.patents'), method.patents],
    ...method.notes.map((note) => [t('market.m.note'), note] as const),
  ]
  const cli = shellArgs([
    'meridian',
    'match',
    side,
    String(record.id),
    ...(filters.kinds.length < MATCH_KINDS.length ? ['--kinds', filters.kinds.join(',')] : []),
    ...(filters.countries ? ['--country', filters.countries] : []),
    ...(filters.types ? ['--type', filters.types] : []),
    '--page',
    String(filters.page),
    '--page-size',
    String(filters.pageSize),
    '--lang',
    getLang(),
  ])
  return (
    <details class="method-card" data-testid="match-method">
      <summary>
        {t('method.title')}: {t('market.m.summary')}
      </summary>
      <p class="cross-language" data-testid="cross-language">
        {t('market.m.crossLanguage')}
      </p>
      <dl>
        {rows.map(([term, value], i) => (
          <div key={i} class="method-row">
            <dt>{term}</dt>
            <dd translate={false}>{value}</dd>
          </div>
        ))}
        <dt>{t('method.cli')}</dt>
        <dd>
          <pre class="cli" translate={false}>
            <code>{cli}</code>
          </pre>
        </dd>
      </dl>
    </details>
  )
}
