import type { InboxItem } from '../api/market-types.js'
import { countryName, t, tMaybe } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/messages.js'
import { formatDate } from '../steer/format.js'

/** A value of one of the marketplace's lists in words (`market.pt.licence`), or as sent when unknown. */
export const label = (list: string, value: string): string => tMaybe(`market.${list}.${value}`, value)

/** Values of a list in words, joined with the language's separator; `–` when none. */
export const labels = (list: string, values: readonly string[]): string =>
  values.length === 0 ? '–' : values.map((v) => label(list, v)).join(t('list.separator'))

/** A record's owner as `name (country)`. */
export const ownerText = (owner: { name: string; country: string | null } | null): string =>
  owner === null ? '–' : owner.country ? `${owner.name} (${countryName(owner.country)})` : owner.name

/** An outcome in words, with an agreement's type or the reason there was no deal. */
export function outcomeText(kind: string, agreementType: string | null, noDealReason: string | null): string {
  const detail =
    kind === 'agreement' && agreementType
      ? label('pt', agreementType)
      : kind === 'no-deal' && noDealReason
        ? label('noDeal', noDealReason)
        : null
  return detail === null
    ? label('outcome', kind)
    : t('market.outcomeWith', { outcome: label('outcome', kind), detail })
}

/** Texts of a notification's parameters (a title, a type, reasons): strings only. */
const param = (item: InboxItem, key: string): string => {
  const value = item.params[key]
  return typeof value === 'string' ? value : ''
}

/** A notification in words, with its parameters; an unknown kind says so with its name. */
export function inboxText(item: InboxItem): string {
  const title = param(item, 'title')
  const key = `market.inbox.${item.kind}` as MessageKey
  const reasons = Array.isArray(item.params.reasons)
    ? (item.params.reasons as unknown[]).filter((r): r is string => typeof r === 'string')
    : []
  const outcome = param(item, 'outcome')
  const slots = {
    title,
    type: label('type', param(item, 'type')),
    reasons: labels('return', reasons),
    reason: param(item, 'reason') ? label('decline', param(item, 'reason')) : '–',
    expiresOn: formatDate(param(item, 'expiresOn') || null),
    outcome: outcomeText(outcome, param(item, 'agreementType') || null, param(item, 'reason') || null),
  }
  return tMaybe(key, '') === '' ? t('market.inbox.other', { kind: item.kind, title }) : t(key, slots)
}
