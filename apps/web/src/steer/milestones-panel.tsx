import * as Plot from '@observablehq/plot'
import { useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import { MILESTONE_STATUSES, type Milestone, type Programme } from '../api/steer-types.js'
import { PlotChart } from '../components/plot-chart.js'
import { t, tMaybe, useLang } from '../i18n/i18n.js'
import { useSubmit } from '../workspace/form.js'
import { formatDateTime } from '../workspace/format.js'
import { formatDate } from './format.js'
import { isLate, todayIso } from './model.js'
import { MilestoneForm } from './milestone-form.js'
import { plainMarks, useWidth } from './chart.js'
import { Section } from './section.js'
import { SteerError } from './steer-error.js'

/** Status colours (late in red, also marked by a ring and the word, never by colour alone). */
const COLOURS: Readonly<Record<string, string>> = {
  planned: '#6b7686',
  'in-progress': '#0b5cad',
  done: '#2e7d32',
  late: '#b3261e',
  dropped: '#b8bfc8',
}

const statusLabel = (status: string) => tMaybe(`steer.milestone.${status}`, status)

/** The milestones on a time line: one row each, late ones red and ringed, a rule at today. */
function Timeline(props: {
  readonly milestones: readonly Milestone[]
  readonly programme: Programme
  readonly today: string
}) {
  const lang = useLang()
  const { ref, width } = useWidth<HTMLDivElement>()
  const rows = props.milestones.map((m, i) => ({
    ...m,
    row: String(i),
    due: new Date(`${m.dueDate}T00:00:00Z`),
    late: isLate(m, props.today),
  }))
  const edges = [
    props.programme.startDate,
    props.programme.endDate,
    props.today,
    ...props.milestones.map((m) => m.dueDate),
  ]
    .filter((d): d is string => d !== null)
    .map((d) => new Date(`${d}T00:00:00Z`).getTime())
  const domain = [new Date(Math.min(...edges)), new Date(Math.max(...edges))]
  return (
    <div ref={ref}>
      <PlotChart
        label={t('steer.timelineLabel')}
        deps={[props.milestones, props.today, lang, width]}
        build={(width) =>
          plainMarks(
            Plot.plot({
              width,
              height: 44 + rows.length * 38,
              marginLeft: 14,
              marginRight: 14,
              marginTop: 22,
              x: {
                type: 'utc',
                domain,
                label: null,
                grid: true,
                ticks: Math.max(3, Math.floor(width / 110)),
              },
              y: { type: 'band', domain: rows.map((r) => r.row), axis: null, padding: 0 },
              marks: [
                Plot.ruleX([new Date(`${props.today}T00:00:00Z`)], {
                  stroke: '#b3261e',
                  strokeDasharray: '4,3',
                }),
                Plot.text([t('steer.today')], {
                  x: new Date(`${props.today}T00:00:00Z`),
                  frameAnchor: 'top',
                  dy: -12,
                  fill: '#b3261e',
                  fontSize: 11,
                }),
                Plot.ruleY(rows, { y: 'row', stroke: '#eceef2', dy: 8 }),
                ...[false, true].map((late) =>
                  Plot.text(
                    rows.filter((r) => r.late === late),
                    {
                      x: domain[0],
                      y: 'row',
                      text: 'title',
                      textAnchor: 'start',
                      dy: -8,
                      lineWidth: Math.max(12, Math.floor(width / 7.5)),
                      fill: late ? '#b3261e' : '#1b1f24',
                      fontWeight: late ? 700 : 400,
                      fontSize: 12,
                      className: 'milestone-titles',
                    },
                  ),
                ),
                Plot.text(
                  rows.filter((r) => r.late),
                  {
                    x: 'due',
                    y: 'row',
                    dy: 8,
                    dx: -10,
                    text: () => t('steer.late'),
                    textAnchor: 'end',
                    fill: '#b3261e',
                    fontSize: 11,
                    fontWeight: 700,
                  },
                ),
                Plot.dot(rows, {
                  x: 'due',
                  y: 'row',
                  dy: 8,
                  r: 6,
                  fill: (d: (typeof rows)[number]) =>
                    d.late ? COLOURS.late : (COLOURS[d.status] ?? '#6b7686'),
                  stroke: (d: (typeof rows)[number]) => (d.late ? '#5c0f0a' : 'white'),
                  strokeWidth: (d: (typeof rows)[number]) => (d.late ? 3 : 1.5),
                  title: (d: (typeof rows)[number]) =>
                    `${d.title}: ${formatDate(d.dueDate)} · ${d.late ? t('steer.late') : statusLabel(d.status)}`,
                }),
              ],
            }),
            'milestone-titles',
          )
        }
      />
    </div>
  )
}

/** One milestone's status change: a select, a note, and the button (the owner's programme managers). */
function ChangeStatus(props: { readonly milestone: Milestone; readonly onChanged: () => void }) {
  const { milestone } = props
  const [status, setStatus] = useState(milestone.status)
  const [note, setNote] = useState('')
  const submit = useSubmit()
  return (
    <form
      class="row-actions change-status"
      data-testid="change-status"
      onSubmit={(event) => {
        event.preventDefault()
        void submit.run(async () => {
          await steerApi.setMilestoneStatus(milestone.id, { status, note: note.trim() || null })
          setNote('')
          props.onChanged()
        })
      }}
    >
      <select
        aria-label={t('steer.newStatusOf', { title: milestone.title })}
        value={status}
        onChange={(event) => setStatus((event.currentTarget as HTMLSelectElement).value)}
      >
        {MILESTONE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={t('steer.noteOf', { title: milestone.title })}
        placeholder={t('steer.note')}
        value={note}
        onInput={(event) => setNote((event.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" disabled={submit.busy || status === milestone.status}>
        {t('steer.changeStatus')}
      </button>
      <SteerError error={submit.error} />
    </form>
  )
}

/** Milestones: the time line, then a table with status, history and (managers) the status change. */
export function MilestonesPanel(props: {
  readonly programme: Programme
  readonly manage: boolean
  readonly onChanged: () => void
}) {
  const { programme } = props
  const today = todayIso()
  const milestones = programme.milestones
  const entity = (id: number | null) => programme.entities.find((e) => e.id === id)?.name
  const late = milestones.filter((m) => isLate(m, today)).length
  const columns = {
    due: t('steer.col.due'),
    title: t('steer.col.milestone'),
    responsible: t('steer.col.responsible'),
    status: t('col.status'),
    history: t('steer.col.history'),
  }
  return (
    <Section id="programme-milestones" title={t('steer.milestones')} wide>
      {milestones.length === 0 ? (
        <p class="muted">{t('steer.noMilestones')}</p>
      ) : (
        <>
          <p class={late > 0 ? 'late-summary late' : 'late-summary'} data-testid="late-count">
            {late > 0 ? t('steer.lateCount', { late, total: milestones.length }) : t('steer.noneLate')}
          </p>
          <Timeline milestones={milestones} programme={programme} today={today} />
          <table class="stack milestones" data-testid="milestone-table">
            <thead>
              <tr>
                {Object.values(columns).map((title) => (
                  <th key={title} scope="col">
                    {title}
                  </th>
                ))}
                {props.manage ? <th scope="col">{t('col.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => {
                const overdue = isLate(m, today)
                return (
                  <tr
                    key={m.id}
                    data-milestone={m.title}
                    data-late={overdue}
                    class={overdue ? 'late' : undefined}
                  >
                    <td data-label={columns.due} class="nowrap">
                      {formatDate(m.dueDate)}
                    </td>
                    <td data-label={columns.title}>
                      <div>
                        <span translate={false}>{m.title}</span>
                        {overdue ? (
                          <span class="badge late" data-testid="late-badge">
                            {t('steer.late')}
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td data-label={columns.responsible}>
                      {entity(m.responsibleEntityId) ? (
                        <span translate={false}>{entity(m.responsibleEntityId)}</span>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td data-label={columns.status}>
                      <span class={`badge milestone-${m.status}`} data-testid="milestone-status">
                        {statusLabel(m.status)}
                      </span>
                    </td>
                    <td data-label={columns.history}>
                      <details class="history">
                        <summary>{t('steer.changes', { n: m.history.length })}</summary>
                        <ol>
                          {m.history.map((h, i) => (
                            <li key={i}>
                              <span class="nowrap">{formatDateTime(h.at)}</span>{' '}
                              {h.from ? `${statusLabel(h.from)} → ` : ''}
                              <strong>{statusLabel(h.to)}</strong>{' '}
                              <span translate={false} class="muted">
                                {h.actor}
                              </span>
                              {h.note ? <q translate={false}>{h.note}</q> : null}
                            </li>
                          ))}
                        </ol>
                        {m.evidence.length > 0 ? (
                          <ul class="evidence">
                            {m.evidence.map((e, i) => (
                              <li key={i} translate={false}>
                                {e.kind === 'link' && /^https?:\/\//.test(e.value) ? (
                                  <a href={e.value} rel="noreferrer" target="_blank">
                                    {e.value}
                                  </a>
                                ) : (
                                  e.value
                                )}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </details>
                    </td>
                    {props.manage ? (
                      <td data-label={t('col.actions')}>
                        <ChangeStatus milestone={m} onChanged={props.onChanged} />
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      )}
      {props.manage ? <MilestoneForm programme={programme} onAdded={props.onChanged} /> : null}
    </Section>
  )
}
