import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { api } from '../api/client.js'
import type { NetworkResult, Status } from '../api/types.js'
import { PeriodPolicyParams, Select, yearsParam } from '../components/controls.js'
import { MethodCard } from '../components/method-card.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, t } from '../i18n/i18n.js'
import { toCsv } from '../lib/csv.js'
import { download } from '../lib/download.js'
import { clusterColor } from '../lib/palette.js'
import { institutionHref, updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { buildGraph } from '../network/build-graph.js'
import { NetworkCanvas, type NetworkHandle } from '../network/network-canvas.js'
import type { Method } from '../api/types.js'

const LEVELS = ['country', 'institution', 'author'] as const
const DEFAULT_TOP: Readonly<Record<string, string>> = { country: '200', institution: '1000', author: '2000' }

/** The network explorer: sigma.js over the server's laid-out, clustered network. */
export function NetworkView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const level = (LEVELS as readonly string[]).includes(params.level ?? '') ? params.level! : 'country'
  const policy = params.policy ?? 'iso'
  const from = params.from ?? ''
  const to = params.to ?? ''
  const minWorks = params.minWorks ?? '1'
  const top = params.top ?? DEFAULT_TOP[level]!
  const query = { years: yearsParam(from, to, years), countryPolicy: policy, minWorks, top }
  const loaded = useFetch(JSON.stringify([level, query]), () => api.network(level, query))
  const [draftMin, setDraftMin] = useState(minWorks)
  const [draftTop, setDraftTop] = useState(top)
  // A new link (or level) resets the drafts to what the URL says.
  useEffect(() => setDraftMin(minWorks), [minWorks])
  useEffect(() => setDraftTop(top), [top])
  return (
    <div class="view" data-view="network">
      <div class="toolbar">
        <Select
          id="network-level"
          label={t('control.level')}
          value={level}
          options={LEVELS.map((l) => [l, t(`level.${l}`)] as const)}
          onChange={(value) => updateParams({ level: value, top: undefined, q: undefined })}
        />
        <form
          class="control-group"
          onSubmit={(event) => {
            event.preventDefault()
            updateParams({ minWorks: draftMin, top: draftTop })
          }}
        >
          <label class="control" for="network-min">
            <span>{t('control.minWorks')}</span>
            <input
              id="network-min"
              type="number"
              min={1}
              value={draftMin}
              onInput={(e) => setDraftMin((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="control" for="network-top">
            <span>{t('control.top')}</span>
            <input
              id="network-top"
              type="number"
              min={1}
              max={20000}
              value={draftTop}
              onInput={(e) => setDraftTop((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{t('control.apply')}</button>
        </form>
        <PeriodPolicyParams years={years} from={from} to={to} policy={policy} />
      </div>
      <StatusView loaded={loaded}>
        {(network) => <Explorer network={network} level={level} search={params.q ?? ''} query={query} />}
      </StatusView>
    </div>
  )
}

/** The profile of a country or institution node. */
const profileHref = (level: 'country' | 'institution', id: string): string =>
  level === 'country' ? `#/country?code=${id}` : institutionHref(id)

/** The `meridian network` command that writes the same network as a VOSviewer file. */
function networkCli(level: string, query: Readonly<Record<string, string>>): string {
  const parts = ['npx meridian network', level, '--cluster leiden --layout vos']
  if (query.years) parts.push(`--years ${query.years}`)
  parts.push(`--min-works ${query.minWorks}`, `--top ${query.top}`, `--country-policy ${query.countryPolicy}`)
  parts.push('--format vosviewer-json --out network.json')
  return parts.join(' ')
}

function Explorer(props: {
  readonly network: NetworkResult
  readonly level: string
  readonly search: string
  readonly query: Readonly<Record<string, string>>
}) {
  const { network, level } = props
  const graph = useMemo(
    () =>
      buildGraph(network, level === 'country' ? (node) => `${countryName(node.id)} (${node.id})` : undefined),
    [network, level],
  )
  const handle = useRef<NetworkHandle | null>(null)
  const [hovered, setHovered] = useState<string | null>(null)
  // The last node hovered or found stays in the details panel, so its profile link can be reached.
  const [last, setLast] = useState<string | null>(null)
  const setHover = (id: string | null) => {
    setHovered(id)
    if (id) setLast(id)
  }
  const hover = hovered ?? last
  const [query, setQuery] = useState(props.search)
  const [failure, setFailure] = useState<Error | null>(null)
  const [notFound, setNotFound] = useState(false)
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (q.length < 1) return []
    // Exact id or label first, then prefixes, then substrings; scanning 20,000 labels takes a millisecond.
    const ranked: { id: string; label: string; rank: number }[] = []
    for (const node of network.nodes) {
      const label = graph.getNodeAttribute(node.id, 'label')
      const lower = label.toLowerCase()
      const rank =
        node.id.toLowerCase() === q || lower === q ? 0 : lower.startsWith(q) ? 1 : lower.includes(q) ? 2 : 3
      if (rank < 3) ranked.push({ id: node.id, label, rank })
    }
    return ranked.sort((a, b) => a.rank - b.rank).slice(0, 8)
  }, [query, graph])
  const focus = (id: string) => {
    handle.current?.focus(id)
    updateParams({ q: id })
  }
  const clusters = new Set(network.nodes.map((n) => n.cluster)).size
  const title = t('network.title', { level: t(`level.${level}` as 'level.country') })
  const details = hover && graph.hasNode(hover) ? graph.getNodeAttributes(hover) : null
  const exportCsv = () =>
    download(
      `meridian-${level}-network-nodes.csv`,
      new Blob([toCsv(network.nodes, ['id', 'label', 'x', 'y', 'cluster', 'weight'])]),
    )
  const exportLinks = () =>
    download(
      `meridian-${level}-network-links.csv`,
      new Blob([toCsv(network.links, ['source', 'target', 'strength'])]),
    )
  const exportPng = () => {
    const canvases = document.querySelectorAll<HTMLCanvasElement>('.network-canvas canvas')
    const first = canvases[0]
    if (!first) return
    const out = document.createElement('canvas')
    out.width = first.width
    out.height = first.height
    const context = out.getContext('2d')
    if (!context) return
    context.fillStyle = '#fff'
    context.fillRect(0, 0, out.width, out.height)
    for (const canvas of canvases) context.drawImage(canvas, 0, 0)
    out.toBlob((blob) => blob && download(`meridian-${level}-network.png`, blob))
  }
  const method = network.method as Partial<Method>
  return (
    <section class="panel wide" id="network-panel" aria-labelledby="network-title">
      <header class="panel-head">
        <h2 id="network-title">{title}</h2>
        <p class="muted" data-testid="network-stats">
          {t('network.stats', {
            nodes: formatNumber(network.nodes.length),
            links: formatNumber(network.links.length),
            clusters: formatNumber(clusters),
          })}
        </p>
        <div class="exports" role="group" aria-label={t('export.label')}>
          <button type="button" onClick={exportCsv} data-export="csv">
            {t('export.csv')}
          </button>
          <button type="button" onClick={exportLinks} data-export="csv-links">
            {t('export.csv')} (links)
          </button>
          <button type="button" onClick={exportPng} data-export="png">
            {t('export.png')}
          </button>
        </div>
      </header>
      <div class="network-layout">
        <div class="network-stage">
          {failure ? (
            <p class="error" role="alert">
              {t('network.webgl')} ({failure.message})
            </p>
          ) : (
            <NetworkCanvas
              graph={graph}
              label={title}
              onHover={setHover}
              onError={setFailure}
              onReady={(h) => {
                handle.current = h
                if (h && props.search) h.focus(props.search)
              }}
            />
          )}
          <div class="zoom" role="group">
            <button type="button" aria-label={t('network.zoomIn')} onClick={() => handle.current?.zoom(1.5)}>
              +
            </button>
            <button
              type="button"
              aria-label={t('network.zoomOut')}
              onClick={() => handle.current?.zoom(1 / 1.5)}
            >
              −
            </button>
            <button type="button" aria-label={t('network.reset')} onClick={() => handle.current?.zoom(null)}>
              ⟲
            </button>
          </div>
        </div>
        <aside class="network-side">
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault()
              const first = matches[0]
              setNotFound(!first)
              if (first) focus(first.id)
            }}
          >
            <label class="control" for="network-search">
              <span>{t('control.search')}</span>
              <input
                id="network-search"
                type="search"
                value={query}
                autocomplete="off"
                onInput={(e) => {
                  setQuery((e.currentTarget as HTMLInputElement).value)
                  setNotFound(false)
                }}
              />
            </label>
          </form>
          {notFound ? <p role="status">{t('network.notFound', { q: query })}</p> : null}
          <ul class="matches">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" class="link" onClick={() => focus(m.id)} data-node={m.id}>
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
          <div class="node-details" aria-live="polite" data-testid="node-details">
            {details && hover ? (
              <>
                <h3 class="node-label" data-testid="node-label">
                  {details.label}
                </h3>
                <dl>
                  <dt>{t('network.weight')}</dt>
                  <dd data-testid="node-weight">{formatNumber(details.weight)}</dd>
                  <dt>{t('network.cluster')}</dt>
                  <dd>
                    <span class="swatch" style={{ background: clusterColor(details.cluster) }} />{' '}
                    {details.cluster}
                  </dd>
                  <dt>{t('network.degree')}</dt>
                  <dd>{formatNumber(graph.degree(hover))}</dd>
                </dl>
                {level === 'country' || level === 'institution' ? (
                  <a href={profileHref(level, hover)} data-testid="node-profile">
                    {t('network.openProfile')}
                  </a>
                ) : null}
              </>
            ) : (
              <p class="muted">{t('network.hover')}</p>
            )}
          </div>
        </aside>
      </div>
      {method.definition && method.sql ? (
        <MethodCard method={method as Method} coverage={null} cli={networkCli(level, props.query)} />
      ) : (
        <details class="method-card">
          <summary>{t('method.title')}</summary>
          <pre class="sql">
            <code>{JSON.stringify({ method: network.method, stats: network.stats }, null, 2)}</code>
          </pre>
        </details>
      )}
    </section>
  )
}
