import type { Role, Scope } from '../api/workspace-types.js'
import { getLang, t, tMaybe } from '../i18n/i18n.js'

const formats: Partial<Record<string, Intl.DateTimeFormat>> = {}

/** A timestamp in the interface's language and the browser's time zone, to the minute; `–` when absent. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '–'
  const lang = getLang()
  const format = (formats[lang] ??= new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }))
  return format.format(new Date(iso))
}

export const roleLabel = (role: Role): string => t(`role.${role}`)
export const scopeLabel = (scope: Scope): string => t(`scope.${scope}`)

/** An audit action (`user.create`) in words, or as recorded when the catalogue does not know it. */
export const actionLabel = (action: string): string => tMaybe(`audit.action.${action}`, action)

/** An audited entity type (`api_token`) in words, or as recorded. */
export const entityLabel = (type: string): string => tMaybe(`audit.entity.${type}`, type)
