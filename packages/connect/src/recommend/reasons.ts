/** Languages reasons are written in. */
export const REASON_LANGUAGES = Object.freeze(['en', 'zh'] as const)
export type ReasonLanguage = (typeof REASON_LANGUAGES)[number]

/** One reason for a suggestion: what kind, the numbers behind it, and the sentence in the asked language. */
export interface Reason {
  readonly kind:
    | 'shared-partners'
    | 'recent-shared-partners'
    | 'output'
    | 'momentum'
    | 'recent-partners'
    | 'topic-overlap'
    | 'complementarity'
  readonly text: string
  readonly figures: Readonly<Record<string, number | string>>
}

const pct = (x: number) => `${Math.round(x * 100)} %`
const list = (names: readonly string[], lang: ReasonLanguage) => names.join(lang === 'zh' ? '、' : ', ')

/** The sentence of a reason from its figures. */
export function reasonText(
  kind: Reason['kind'],
  f: Readonly<Record<string, number | string>>,
  lang: ReasonLanguage,
): string {
  const zh = lang === 'zh'
  switch (kind) {
    case 'shared-partners': {
      const examples = String(f.examples ?? '')
        .split('\u0000')
        .filter(Boolean)
      return zh
        ? `${f.count} 个共同合作伙伴${examples.length ? `，例如 ${list(examples, lang)}` : ''}`
        : `${f.count} shared partner${f.count === 1 ? '' : 's'}${examples.length ? `, e.g. ${list(examples, lang)}` : ''}`
    }
    case 'recent-shared-partners':
      return zh
        ? `${f.from}–${f.to} 年间有 ${f.count} 个伙伴同时与双方合作`
        : `${f.count} partner${f.count === 1 ? '' : 's'} worked with both in ${f.from}-${f.to}`
    case 'output':
      return zh
        ? `对方在 ${f.from}–${f.to} 年发表 ${f.works} 篇作品`
        : `they published ${f.works} works in ${f.from}-${f.to}`
    case 'momentum':
      return zh
        ? `对方产出在 ${f.years} 年内增长 ${pct(Number(f.growth))}（${f.before} → ${f.after} 篇）`
        : `their output grew ${pct(Number(f.growth))} in ${f.years} years (${f.before} -> ${f.after} works)`
    case 'recent-partners':
      return zh
        ? `对方在 ${f.from}–${f.to} 年与 ${f.partners} 个伙伴合作`
        : `they worked with ${f.partners} partner${f.partners === 1 ? '' : 's'} in ${f.from}-${f.to}`
    case 'topic-overlap':
      return zh
        ? `主题重合度 ${Number(f.cosine).toFixed(2)}，主要在 ${f.field}`
        : `topic overlap ${Number(f.cosine).toFixed(2)}, most in ${f.field}`
    case 'complementarity':
      return zh
        ? `互补：对方 ${pct(Number(f.share))} 的作品属于您较弱的领域，首先是 ${f.field}`
        : `strong where you are weak: ${pct(Number(f.share))} of their works are in fields where your share is under half the average, led by ${f.field}`
  }
}

/** The backtest line shown beside suggestions. */
export function backtestLine(
  f: { readonly hits: number; readonly k: number; readonly from: number; readonly to: number },
  lang: ReasonLanguage,
): string {
  return lang === 'zh'
    ? `上一周期（${f.from}–${f.to}）的前 ${f.k} 个建议中，有 ${f.hits} 个成为了合作伙伴。`
    : `Of last period's top-${f.k} suggestions (${f.from}-${f.to}), ${f.hits} became partners.`
}
