import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'
import type { Coverage, Method } from '../api/types.js'
import { t } from '../i18n/i18n.js'
import { toCsv } from '../lib/csv.js'
import { download, svgText, svgToPng } from '../lib/download.js'
import { IndicatorMethodCard, MethodCard } from './method-card.js'
import type { Params } from '../api/client.js'

/** What a panel exports as CSV: its rows and column order. */
export interface PanelData {
  readonly rows: readonly object[]
  readonly columns?: readonly string[]
}

/**
 * A chart with its title, exports (CSV of its data, SVG/PNG of its first SVG) and method card.
 * `name` is the base of exported file names.
 */
export function Panel(props: {
  readonly id: string
  readonly title: string
  readonly name: string
  readonly data: PanelData | null
  readonly method?: Method | null
  readonly coverage: Coverage | null
  readonly cli?: string
  /** Instead of `method`: fetch the card of this indicator for these options. */
  readonly methodOf?: { readonly indicator: string; readonly params: Params }
  readonly extra?: readonly (readonly [string, string])[]
  readonly wide?: boolean
  readonly children: ComponentChildren
}) {
  const body = useRef<HTMLDivElement>(null)
  const svg = () => body.current?.querySelector<SVGSVGElement>('svg.chart, svg') ?? null
  const exportCsv = () => {
    if (props.data) download(`${props.name}.csv`, new Blob([toCsv(props.data.rows, props.data.columns)]))
  }
  const exportSvg = () => {
    const element = svg()
    if (element) download(`${props.name}.svg`, new Blob([svgText(element)], { type: 'image/svg+xml' }))
  }
  const exportPng = async () => {
    const element = svg()
    if (element) download(`${props.name}.png`, await svgToPng(element))
  }
  return (
    <section class={props.wide ? 'panel wide' : 'panel'} id={props.id} aria-labelledby={`${props.id}-title`}>
      <header class="panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <div class="exports" role="group" aria-label={t('export.label')}>
          <button type="button" onClick={exportCsv} disabled={!props.data} data-export="csv">
            {t('export.csv')}
          </button>
          <button type="button" onClick={exportSvg} data-export="svg">
            {t('export.svg')}
          </button>
          <button type="button" onClick={() => void exportPng()} data-export="png">
            {t('export.png')}
          </button>
        </div>
      </header>
      <div class="panel-body" ref={body}>
        {props.children}
      </div>
      {props.method ? (
        <MethodCard
          method={props.method}
          coverage={props.coverage}
          cli={props.cli ?? ''}
          extra={props.extra}
        />
      ) : props.methodOf ? (
        <IndicatorMethodCard
          indicator={props.methodOf.indicator}
          params={props.methodOf.params}
          coverage={props.coverage}
        />
      ) : null}
    </section>
  )
}
