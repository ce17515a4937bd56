import { useRef } from 'preact/hooks'
import { useFetch, type Loaded } from '../lib/use-fetch.js'

/**
 * {@link useFetch} that keeps showing the last answer while the next one loads, so a list read again after
 * a write does not blank the forms around it.
 */
export function useLatest<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const loaded = useFetch(key, load)
  const last = useRef<Loaded<T>>(loaded)
  if (loaded.state !== 'loading') last.current = loaded
  return loaded.state === 'loading' && last.current.state === 'done' ? last.current : loaded
}
