import { useEffect, useState } from 'preact/hooks'
import { en, zh, type MessageKey } from './messages.js'

export type Lang = 'en' | 'zh'
export const LANGS: readonly Lang[] = ['en', 'zh']
const STORAGE_KEY = 'meridian.lang'
const catalogues: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, zh }

function initial(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh') return saved
  } catch {
    // Storage can be disabled; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

let current: Lang = initial()
const listeners = new Set<() => void>()

export const getLang = (): Lang => current

/** Switch the interface language and remember the choice. */
export function setLang(lang: Lang): void {
  current = lang
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  for (const listener of listeners) listener()
}

/** Translate a key, filling `{slot}`s. */
export function t(key: MessageKey, slots: Readonly<Record<string, string | number>> = {}): string {
  const text = catalogues[current][key]
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = slots[name]
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value
  })
}

/** A key built at run time (`ind.${id}`), falling back to the given text when the catalogue lacks it. */
export function tMaybe(key: string, fallback: string): string {
  return (catalogues[current] as Readonly<Record<string, string>>)[key] ?? fallback
}

const locale = () => (current === 'zh' ? 'zh-CN' : 'en-GB')

/** A number as the interface shows it: integers with grouping, others with up to `digits` decimals. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: Number.isInteger(value) ? 0 : digits,
  }).format(value)
}

/** A share in [0, 1] as a percentage with one decimal. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return new Intl.NumberFormat(locale(), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value)
}

const regionNames: Partial<Record<Lang, Intl.DisplayNames>> = {}

/** A country's name in the interface language. */
export function countryName(code: string): string {
  const names = (regionNames[current] ??= new Intl.DisplayNames([locale()], { type: 'region' }))
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** Re-render the calling component when the language changes. */
export function useLang(): Lang {
  const [lang, set] = useState(current)
  useEffect(() => {
    const listener = () => set(current)
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [])
  return lang
}
