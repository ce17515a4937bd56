/** Offer a blob as a file download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A standalone SVG document for an SVG element on the page (fonts and colours inlined). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  const { width, height } = svg.getBoundingClientRect()
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(width)))
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(height)))
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style')
  style.textContent = `svg{font-family:system-ui,"Noto Sans CJK SC",sans-serif;font-size:11px;background:#fff}`
  clone.prepend(style)
  return new XMLSerializer().serializeToString(clone)
}

/** Rasterise an SVG element to a PNG blob at twice its size. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const text = svgText(svg)
  const { width, height } = svg.getBoundingClientRect()
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width * 2))
  canvas.height = Math.max(1, Math.round(height * 2))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('PNG export: no 2D canvas')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  )
}
