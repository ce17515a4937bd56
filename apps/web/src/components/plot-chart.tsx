import { useEffect, useRef } from 'preact/hooks'

/** Mount an element built by Observable Plot (or any DOM builder); rebuilt when `deps` change. */
export function PlotChart(props: {
  readonly build: (width: number) => Element
  readonly deps: readonly unknown[]
  readonly label: string
}) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = host.current
    if (!element) return
    const chart = props.build(Math.max(280, Math.min(element.clientWidth || 640, 1100)))
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg')
    svg?.classList.add('chart')
    svg?.setAttribute('role', 'img')
    svg?.setAttribute('aria-label', props.label)
    element.replaceChildren(chart)
    return () => chart.remove()
    // The chart depends exactly on `deps`.
  }, props.deps)
  return <div class="plot" ref={host} />
}
