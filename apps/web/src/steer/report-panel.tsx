import { reportUrl, steerApi } from '../api/steer-client.js'
import { LANGS, t, useLang } from '../i18n/i18n.js'
import { useFetch } from '../lib/use-fetch.js'
import { Section } from './section.js'

const LANG_NAME = { en: 'English', zh: '中文' } as const

/**
 * The evaluation report: a preview of its HTML in a sandboxed frame (no scripts, no access to this page), and
 * downloads (PDF, XLSX, CSV) in English and Chinese. Left out when the server writes no reports.
 */
export function ReportPanel(props: { readonly programmeId: number; readonly version: number }) {
  const lang = useLang()
  const available = useFetch(`report:${props.programmeId}`, () => steerApi.reportAvailable(props.programmeId))
  if (available.state !== 'done' || available.value === null) return null
  const id = props.programmeId
  return (
    <Section id="programme-report" title={t('steer.report')} wide>
      {available.value ? null : (
        <p class="form-error" role="alert">
          {t('steer.reportFailed')}
        </p>
      )}
      <ul class="downloads" data-testid="report-downloads">
        {LANGS.map((l) => (
          <li key={l}>
            <span lang={l === 'zh' ? 'zh-CN' : 'en'} translate={false}>
              {LANG_NAME[l]}
            </span>
            {(['pdf', 'xlsx', 'csv', 'html'] as const).map((format) => (
              <a key={format} href={reportUrl(id, l, format)} download data-format={format} data-lang={l}>
                {t(`steer.format.${format}`)}
              </a>
            ))}
          </li>
        ))}
      </ul>
      <iframe
        key={`${lang}:${props.version}`}
        class="report-preview"
        title={t('steer.reportPreview')}
        src={reportUrl(id, lang, 'html')}
        sandbox=""
        loading="lazy"
        data-testid="report-preview"
      />
    </Section>
  )
}
