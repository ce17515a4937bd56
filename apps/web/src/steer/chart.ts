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
