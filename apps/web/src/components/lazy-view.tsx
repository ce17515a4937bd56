import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'

/**
 * A view loaded on first use, so the first screen does not wait for the map's atlas or the WebGL renderer.
 * `load` must be a stable function (module level).
 */
export function LazyView<P extends object>(props: {
  readonly load: () => Promise<ComponentType<P>>
  readonly props: P
}) {
  const [view, setView] = useState<{ load: unknown; component: ComponentType<P> } | null>(null)
  useEffect(() => {
    let live = true
    void props.load().then((component) => live && setView({ load: props.load, component }))
    return () => {
      live = false
    }
  }, [props.load])
  if (!view || view.load !== props.load)
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    )
  const Component = view.component
  return <Component {...props.props} />
}
