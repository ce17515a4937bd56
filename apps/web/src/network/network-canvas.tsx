import type Graph from 'graphology'
import { useEffect, useRef } from 'preact/hooks'
import Sigma from 'sigma'
import type { EdgeAttributes, NodeAttributes } from './build-graph.js'

/** What the canvas lets its parent do: zoom to a node, move the camera. */
export interface NetworkHandle {
  focus(id: string | null): void
  zoom(factor: number | null): void
}

/**
 * The sigma.js (WebGL) canvas. Sigma owns the canvas and all per-frame work; this component only creates and
 * kills the renderer when the graph changes, so panning a 20,000-node graph never re-renders Preact.
 */
export function NetworkCanvas(props: {
  readonly graph: Graph<NodeAttributes, EdgeAttributes>
  readonly onHover: (id: string | null) => void
  readonly onReady: (handle: NetworkHandle | null) => void
  readonly onError: (error: Error) => void
  readonly label: string
}) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const container = host.current
    if (!container) return
    const { graph } = props
    let selected: string | null = null
    let neighbours = new Set<string>()
    let renderer: Sigma<NodeAttributes, EdgeAttributes>
    try {
      renderer = new Sigma(graph, container, {
        hideEdgesOnMove: graph.size > 20_000,
        labelRenderedSizeThreshold: graph.order > 2000 ? 9 : 14,
        labelDensity: 0.3,
        labelFont: 'system-ui, "Noto Sans CJK SC", sans-serif',
        zIndex: false,
        defaultEdgeType: 'line',
        minCameraRatio: 0.005,
        maxCameraRatio: 4,
        nodeReducer: (node, data) => {
          if (!selected) return data
          if (node === selected) return { ...data, highlighted: true, zIndex: 1, forceLabel: true }
          if (neighbours.has(node)) return { ...data, forceLabel: graph.order < 5000 }
          return { ...data, color: '#d8d8d8', label: '' }
        },
        edgeReducer: (edge, data) => {
          if (!selected) return data
          return graph.hasExtremity(edge, selected)
            ? { ...data, color: 'rgba(40,40,40,0.6)' }
            : { ...data, hidden: true }
        },
      })
    } catch (error) {
      props.onError(error instanceof Error ? error : new Error(String(error)))
      return
    }
    container.dataset.nodes = String(graph.order)
    container.dataset.links = String(graph.size)
    renderer.on('enterNode', ({ node }) => props.onHover(node))
    renderer.on('leaveNode', () => props.onHover(null))
    renderer.on('clickNode', ({ node }) => handle.focus(node))
    const handle: NetworkHandle = {
      focus(id) {
        selected = id && graph.hasNode(id) ? id : null
        neighbours = selected ? new Set(graph.neighbors(selected)) : new Set()
        container.dataset.selected = selected ?? ''
        renderer.refresh({ skipIndexation: true })
        if (selected) {
          const position = renderer.getNodeDisplayData(selected)
          if (position)
            void renderer
              .getCamera()
              .animate({ x: position.x, y: position.y, ratio: 0.12 }, { duration: 400 })
          props.onHover(selected)
        }
      },
      zoom(factor) {
        const camera = renderer.getCamera()
        if (factor === null) void camera.animatedReset({ duration: 300 })
        else void camera.animate({ ratio: camera.ratio / factor }, { duration: 200 })
      },
    }
    props.onReady(handle)
    container.dataset.ready = 'true'
    return () => {
      props.onReady(null)
      container.dataset.ready = 'false'
      renderer.kill()
    }
    // One renderer per graph; callbacks are stable refs owned by the parent.
  }, [props.graph])
  return <div class="network-canvas" ref={host} role="img" aria-label={props.label} />
}
