import { formatNumber, t } from '../i18n/i18n.js'

interface Node {
  readonly id: string
  readonly label: string
}

const SIZE = 420
const CENTRE = SIZE / 2
const RING = 150
const MAX_LABEL = 22

const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label)

/**
 * A unit and its partners on one ring: current partners joined by a solid line as wide as their joint works,
 * suggested partners (not yet partners) by a dashed line. A plain SVG, exported with the panel.
 */
export function EgoNetwork(props: {
  readonly centre: string
  readonly partners: readonly (Node & { readonly works: number })[]
  readonly suggested: readonly Node[]
}) {
  const { partners, suggested } = props
  const all = [
    ...partners.map((p) => ({ ...p, kind: 'current' as const })),
    ...suggested.map((s) => ({ ...s, works: 0, kind: 'suggested' as const })),
  ]
  const most = Math.max(1, ...partners.map((p) => p.works))
  const place = (i: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, all.length)
    return { x: CENTRE + RING * Math.cos(angle), y: CENTRE + RING * Math.sin(angle), angle }
  }
  return (
    <figure
      class="ego"
      data-testid="ego-network"
      data-partners={partners.length}
      data-suggested={suggested.length}
    >
      {/* Names are data: the wrapper keeps them out of translation (SVG elements have no `translate`). */}
      <div translate={false}>
        <svg
          class="chart"
          viewBox={`-150 0 ${SIZE + 300} ${SIZE}`}
          role="img"
          aria-label={t('connect.egoLabel', { partners: partners.length, suggested: suggested.length })}
          xmlns="http://www.w3.org/2000/svg"
        >
          {all.map((node, i) => {
            const { x, y } = place(i)
            return (
              <line
                key={`l-${node.kind}-${node.id}`}
                x1={CENTRE}
                y1={CENTRE}
                x2={x}
                y2={y}
                class={`ego-link ${node.kind}`}
                stroke-width={node.kind === 'current' ? 1 + (7 * node.works) / most : 1.5}
              />
            )
          })}
          {all.map((node, i) => {
            const { x, y, angle } = place(i)
            const right = Math.cos(angle) >= -0.01
            const r = node.kind === 'current' ? 4 + (8 * Math.sqrt(node.works)) / Math.sqrt(most) : 6
            return (
              <g key={`n-${node.kind}-${node.id}`} class={`ego-node ${node.kind}`} data-node={node.id}>
                <title>
                  {node.kind === 'current'
                    ? t('connect.egoCurrent', { name: node.label, works: formatNumber(node.works) })
                    : t('connect.egoSuggested', { name: node.label })}
                </title>
                <circle cx={x} cy={y} r={r} />
                <text x={x + (right ? r + 4 : -r - 4)} y={y + 4} text-anchor={right ? 'start' : 'end'}>
                  {short(node.label)}
                </text>
              </g>
            )
          })}
          <circle class="ego-centre" cx={CENTRE} cy={CENTRE} r={16} />
          <text class="ego-centre-label" x={CENTRE} y={CENTRE + 34} text-anchor="middle">
            {short(props.centre)}
          </text>
        </svg>
      </div>
      <figcaption class="legend">
        <span class="key current">{t('connect.egoKeyCurrent')}</span>
        <span class="key suggested">{t('connect.egoKeySuggested')}</span>
      </figcaption>
    </figure>
  )
}
