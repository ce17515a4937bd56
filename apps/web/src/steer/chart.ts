import type { RefObject } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'

/**
 * Plot names each mark's group in English (`aria-label="dot"`), which screen readers read out in any
 * language: the chart's own label (set by `PlotChart`) says what it shows, so the marks' names go. Groups of
 * `dataClass` hold data (titles) and are marked not to be translated.
 */
export function plainMarks(
  chart: SVGSVGElement | HTMLElement,
  dataClass?: string,
): SVGSVGElement | HTMLElement {
  for (const element of Array.from(chart.querySelectorAll('[aria-label]')))
    element.removeAttribute('aria-label')
  if (dataClass)
    for (const element of Array.from(chart.querySelectorAll(`.${dataClass}`)))
      element.setAttribute('translate', 'no')
  return chart
}

/**
 * The width of an element, rounded to `step` pixels, following resizes: a chart drawn for one width is drawn
 * again when its panel grows or shrinks (Plot draws at a fixed width).
 */
export function useWidth<T extends HTMLElement>(
  step = 40,
): { readonly ref: RefObject<T>; readonly width: number } {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width / step) * step)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [step])
  return { ref, width }
}
