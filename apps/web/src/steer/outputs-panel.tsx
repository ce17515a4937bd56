import { useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import type { Programme } from '../api/steer-types.js'
import { StatusView } from '../components/status-view.js'
import { formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { useFetch } from '../lib/use-fetch.js'
import { Section } from './section.js'

const PAGE = 20

/** How the programme's outputs are found: each link says how it was made. */
function LinkList(props: { readonly programme: Programme }) {
  return (
    <ul class="output-links" data-testid="output-links">
      {props.programme.outputLinks.map((l) => (
        <li key={l.id}>
          <strong>{tMaybe(`steer.link.${l.method}`, l.method)}</strong>{' '}
          <span translate={false}>
            {[
              l.funder,
              l.awardIds.join(', '),
              l.institutions.join(', '),
              l.fromYear || l.toYear ? `${l.fromYear ?? ''}–${l.toYear ?? ''}` : '',
              l.dois.join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  )
}

/**
 * The works linked to the programme, a page at a time, under the links that found them. Without an outputs
 * route on the server, only the links are shown.
 */
export function OutputsPanel(props: { readonly programme: Programme }) {
  const { programme } = props
  const [offset, setOffset] = useState(0)
  const loaded = useFetch(`outputs:${programme.id}:${offset}`, () =>
    steerApi.outputs(programme.id, PAGE, offset),
  )
  return (
    <Section id="programme-outputs" title={t('steer.outputs')}>
      {programme.outputLinks.length === 0 ? (
        <p class="muted">{t('steer.noLinks')}</p>
      ) : (
        <LinkList programme={programme} />
      )}
      <StatusView loaded={loaded}>
        {(page) =>
          page === null ? null : page.total === 0 ? (
            <p class="muted" data-testid="output-count">
              {t('steer.noOutputs')}
            </p>
          ) : (
            <>
              <p class="muted" data-testid="output-count">
                {t('steer.outputCount', {
                  from: formatNumber(offset + 1),
                  to: formatNumber(offset + page.works.length),
                  total: formatNumber(page.total),
                })}
              </p>
              <table class="stack outputs" data-testid="output-table">
                <thead>
                  <tr>
                    <th scope="col">{t('steer.col.work')}</th>
                    <th scope="col">{t('col.year')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.works.map((w) => (
                    <tr key={w.id}>
                      <td data-label={t('steer.col.work')} translate={false}>
                        {w.doi ? (
                          <a
                            href={`https://doi.org/${w.doi.replace(/^https:\/\/doi\.org\//, '')}`}
                            rel="noreferrer"
                            target="_blank"
                          >
                            {w.title ?? w.doi}
                          </a>
                        ) : (
                          (w.title ?? w.id)
                        )}
                      </td>
                      <td data-label={t('col.year')}>{w.year ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class="form-actions pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  {t('steer.previous')}
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE >= page.total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  {t('steer.next')}
                </button>
              </div>
            </>
          )
        }
      </StatusView>
    </Section>
  )
}
