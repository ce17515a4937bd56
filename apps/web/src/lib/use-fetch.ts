import { useEffect, useState } from 'preact/hooks'

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: Error }
  | { readonly state: 'done'; readonly value: T }

/** Run `load` whenever `key` changes; answers of superseded requests are dropped. */
export function useFetch<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({
    key,
    loaded: { state: 'loading' },
  })
  useEffect(() => {
    let live = true
    setResult({ key, loaded: { state: 'loading' } })
    load().then(
      (value) => live && setResult({ key, loaded: { state: 'done', value } }),
      (error: unknown) =>
        live &&
        setResult({
          key,
          loaded: { state: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        }),
    )
    return () => {
      live = false
    }
    // `load` closes over the values that make up `key`.
  }, [key])
  return result.key === key ? result.loaded : { state: 'loading' }
}
