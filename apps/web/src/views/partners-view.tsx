import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client.js'
import {
  INSTITUTION_TYPES,
  type ExpertHit,
  type ExpertKind,
  type ExpertSearch,
} from '../api/connect-types.js'
import type { Status } from '../api/types.js'
import { PeriodSelect, Select, yearsParam } from '../components/controls.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { shellArgs } from '../lib/cli.js'
import { toHash, updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { ConnectMethod, UnitExpertise } from './expertise-panels.js'

const KINDS: readonly ExpertKind[] = ['institution', 'author', 'country']

/** Units a search lists, and matching works shown for each. */
const LISTED = 20
const EVIDENCE = 3

const asKind = (value: string | undefined): ExpertKind =>
  KINDS.includes(value as ExpertKind) ? (value as ExpertKind) : 'institution'

/**
 * CONNECT's "Find partners": an expertise search (who publishes on a topic, with the works as evidence),
 * filtered by kind, country, institution type, field and period; a result opens the unit's expertise profile
 * with a small ego network and suggested new partners, each with reasons and the backtest beside them.
 */
export function PartnersView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const q = params.q ?? ''
  const kind = asKind(params.kind)
  const country = params.country ?? ''
  const type = kind === 'institution' ? (params.type ?? '') : ''
  const field = params.field ?? ''
  const from = params.from ?? ''
  const to = params.to ?? ''
  const unit = params.unit ?? ''
  const level = asKind(params.level ?? kind)
  const [draft, setDraft] = useState({ q, country, field })
  useEffect(() => setDraft({ q, country, field }), [q, country, field])
  const set = (key: keyof typeof draft) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value })
  return (
    <div class="view" data-view="partners">
      <h1 class="view-title">{t('connect.title')}</h1>
      <p class="muted lede">{t('connect.lede')}</p>
      <form
        class="toolbar connect-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault()
          updateParams({
            q: draft.q.trim(),
            country: draft.country.trim().toUpperCase(),
            field: draft.field.trim(),
            unit: undefined,
            level: undefined,
          })
        }}
      >
        <TextControl
          id="partners-search"
          label={t('connect.search')}
          value={draft.q}
          hint={t('connect.searchHint')}
          wide
          onInput={set('q')}
        />
        <Select
          id="partners-kind"
          label={t('connect.kind')}
          value={kind}
          options={KINDS.map((k) => [k, t(`connect.kind.${k}`)] as const)}
          onChange={(value) => updateParams({ kind: value, type: undefined })}
        />
        <TextControl
          id="partners-country"
          label={t('connect.country')}
          value={draft.country}
          hint="DE"
          maxLength={2}
          onInput={set('country')}
        />
        {kind === 'institution' ? (
          <Select
            id="partners-type"
            label={t('connect.type')}
            value={type}
            options={[
              ['', t('connect.anyType')] as const,
              ...INSTITUTION_TYPES.map((k) => [k, tMaybe(`itype.${k}`, k)] as const),
            ]}
            onChange={(value) => updateParams({ type: value })}
          />
        ) : null}
        <TextControl
          id="partners-field"
          label={t('connect.field')}
          value={draft.field}
          hint={t('connect.fieldHint')}
          onInput={set('field')}
        />
        <PeriodSelect
          years={years}
          from={from}
          to={to}
          onChange={(f, t2) => updateParams({ from: f, to: t2 })}
        />
        <button type="submit" class="primary">
          {t('connect.find')}
        </button>
      </form>
      {unit ? (
        <>
          {q ? (
            <p>
              <a
                href={toHash({ view: 'partners', params: { ...params, unit: '', level: '' } })}
                data-testid="back-to-results"
                onClick={(event) => {
                  event.preventDefault()
                  updateParams({ unit: undefined, level: undefined })
                }}
              >
                {t('connect.back')}
              </a>
            </p>
          ) : null}
          <UnitExpertise level={level} unit={unit} years={yearsParam(from, to, years)} params={params} />
        </>
      ) : q ? (
        <Results query={{ q, kind, country, type, field, years: yearsParam(from, to, years) }} />
      ) : (
        <p class="muted" data-testid="connect-start">
          {t('connect.start')}
        </p>
      )}
    </div>
  )
}

/** A labelled free-text input of the search form. */
function TextControl(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly hint: string
  readonly maxLength?: number
  readonly wide?: boolean
  readonly onInput: (event: Event) => void
}) {
  return (
    <label class={props.wide ? 'control grow' : 'control'} for={props.id}>
      <span>{props.label}</span>
      <input
        id={props.id}
        type="search"
        value={props.value}
        autocomplete="off"
        placeholder={props.hint}
        maxLength={props.maxLength}
        size={props.maxLength ? 4 : undefined}
        onInput={props.onInput}
      />
    </label>
  )
}

interface SearchQuery {
  readonly q: string
  readonly kind: ExpertKind
  readonly country: string
  readonly type: string
  readonly field: string
  readonly years: string
}

/** The search's answer: ranked units, each with its best matching works. */
function Results(props: { readonly query: SearchQuery }) {
  const { query } = props
  const request = { ...query, pageSize: LISTED, evidence: EVIDENCE }
  const loaded = useFetch(JSON.stringify(request), () => api.experts(request))
  return (
    <section class="panel wide" aria-labelledby="connect-results-title">
      <header class="panel-head">
        <h2 id="connect-results-title">{t('connect.results', { q: query.q })}</h2>
      </header>
      <StatusView loaded={loaded}>
        {(result) => (
          <>
            <ResultsTable result={result} kind={query.kind} />
            <ConnectMethod
              summary={result.method.engine}
              rows={[
                ['connect.m.aggregation', result.method.aggregation],
                ['connect.m.tokenizer', result.method.tokenizer],
                [
                  'connect.m.texts',
                  Object.entries(result.method.texts)
                    .filter(([, on]) => on)
                    .map(([name]) => name)
                    .join(', '),
                ],
                [
                  'connect.m.boosts',
                  Object.entries(result.method.fields)
                    .map(([name, boost]) => `${name} ×${boost}`)
                    .join(', '),
                ],
                ['connect.m.researcherKey', result.method.researcherKey],
                ...result.method.notes.map((note) => ['connect.m.note', note] as const),
              ]}
              cli={shellArgs([
                'meridian',
                'search',
                'experts',
                query.q,
                '--level',
                query.kind,
                ...(query.country ? ['--country', query.country] : []),
                ...(query.type ? ['--type', query.type] : []),
                ...(query.field ? ['--field', query.field] : []),
                ...(query.years ? ['--years', query.years] : []),
                '--page-size',
                String(LISTED),
                '--evidence',
                String(EVIDENCE),
              ])}
            />
          </>
        )}
      </StatusView>
    </section>
  )
}

/**
 * The unit a profile and suggestions take for a search hit: its id, except researchers without an ORCID,
 * who are keyed by the name as written (the search keys them by name and institution).
 */
const unitOf = (hit: ExpertHit, kind: ExpertKind): string =>
  kind === 'author' && hit.key !== 'orcid' ? hit.label : hit.id

function ResultsTable(props: { readonly result: ExpertSearch; readonly kind: ExpertKind }) {
  const { result, kind } = props
  if (result.rows.length === 0) return <p class="muted">{t('empty')}</p>
  const columns = {
    unit: t(`connect.kind.${kind}`),
    country: t('col.country'),
    type: t('col.type'),
    matching: t('connect.col.matching'),
    score: t('connect.col.score'),
  }
  return (
    <>
      <p class="muted" data-testid="connect-total">
        {t('connect.shown', { shown: result.rows.length, total: result.total, works: result.matchingWorks })}
      </p>
      <table class="stack experts" data-testid="expert-results">
        <thead>
          <tr>
            <th scope="col" class="num">
              #
            </th>
            <th scope="col">{columns.unit}</th>
            {kind !== 'country' ? <th scope="col">{columns.country}</th> : null}
            {kind === 'institution' ? <th scope="col">{columns.type}</th> : null}
            <th scope="col" class="num">
              {columns.matching}
            </th>
            <th scope="col" class="num">
              {columns.score}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((hit) => {
            const unit = unitOf(hit, kind)
            return (
              <tr key={hit.id} data-unit={hit.id}>
                <td class="num rank">{hit.rank}</td>
                <td data-label={columns.unit} class="hit">
                  <div>
                    <a
                      href={toHash({ view: 'partners', params: { level: kind, unit } })}
                      translate={false}
                      data-testid="open-unit"
                      onClick={(event) => {
                        event.preventDefault()
                        updateParams({ level: kind, unit })
                      }}
                    >
                      {kind === 'country' ? countryName(hit.id) : hit.label}
                    </a>
                    {kind === 'author' && hit.institution ? (
                      <span class="muted" translate={false}>
                        {' · '}
                        {hit.institution}
                      </span>
                    ) : null}
                    <ul class="evidence" aria-label={t('connect.evidence')}>
                      {hit.evidence.map((work) => (
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
                  </div>
                </td>
                {kind !== 'country' ? (
                  <td data-label={columns.country}>
                    <span>{hit.country ? countryName(hit.country) : '–'}</span>
                  </td>
                ) : null}
                {kind === 'institution' ? (
                  <td data-label={columns.type}>
                    <span>{hit.type ? tMaybe(`itype.${hit.type}`, hit.type) : '–'}</span>
                  </td>
                ) : null}
                <td class="num" data-label={columns.matching} data-value={hit.matchingWorks}>
                  <span>{formatNumber(hit.matchingWorks)}</span>
                </td>
                <td class="num" data-label={columns.score} data-value={hit.score}>
                  <span>{formatNumber(hit.score, 2)}</span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
