import { sql } from '@meridian/state'
import { describe, expect, it } from 'vitest'
import { ENGINES, member, operator, SAMPLE, steerFixture } from './engines.test-util.js'

describe.each(ENGINES)('programme registry on $name', (engine) => {
  it('registers a programme with everything under it, reads it back, and writes exactly one audit row', async () => {
    const { steer, auditCount, mine } = await steerFixture(engine)
    const [created] = await steer.createProgrammes(member('programme-manager', mine), [SAMPLE])
    expect(await auditCount()).toBe(1)
    const view = await steer.getProgramme(member('viewer', null), created?.id ?? 0)
    expect(view).toMatchObject({
      title: SAMPLE.title,
      organisationId: mine,
      source: 'meridian',
      countries: ['DE'],
      partnerCountries: ['CN'],
      budget: SAMPLE.budget,
      components: [{ kind: 'joint-lab', title: 'Joint AI lab' }],
      entities: [
        { name: 'Univ A', role: 'lead', rorId: 'https://ror.org/02mhbdp94', componentId: null },
        { name: 'Partner U', role: 'partner', componentId: view.components[0]?.id },
      ],
      outputLinks: [
        {
          method: 'funder-award',
          funder: 'Synthetic Funder',
          awardIds: ['AW-1'],
          createdBy: 'programme-manager@example.org',
        },
        { method: 'doi-list', dois: ['10.1234/abc'] },
      ],
    })
    expect(view.milestones.map((m) => [m.title, m.status, m.responsibleEntityId])).toEqual([
      ['Lab opens', 'done', view.entities[0]?.id],
      ['First joint call', 'planned', view.entities[1]?.id],
    ])
    expect(view.milestones[0]?.history).toEqual([
      {
        at: '2026-01-05T09:00:00.000Z',
        actor: 'programme-manager@example.org',
        from: null,
        to: 'done',
        note: null,
      },
    ])
    const [row] = (
      await sql<{ action: string; entity_id: string; after: { title: string } }>`
      select action, entity_id, after from audit_log`.execute(steer.context.db)
    ).rows
    expect(row).toMatchObject({
      action: 'programme.create',
      entity_id: String(view.id),
      after: { title: SAMPLE.title },
    })
    expect((await steer.listProgrammes(member('analyst', null))).map((p) => p.title)).toEqual([SAMPLE.title])
  })

  it('keeps the history of a milestone status and audits each change once', async () => {
    const { steer, clock, auditCount, mine } = await steerFixture(engine)
    const pm = member('programme-manager', mine)
    const [created] = await steer.createProgrammes(pm, [SAMPLE])
    const milestone = created?.milestones[1]?.id ?? 0
    clock.advance(86_400_000)
    await steer.setMilestoneStatus(pm, milestone, { status: 'in-progress' })
    clock.advance(86_400_000)
    const done = await steer.setMilestoneStatus(pm, milestone, {
      status: 'done',
      note: 'call published',
      evidence: [{ kind: 'file', value: 'calls/2023-call.pdf' }],
    })
    expect(done.history.map((h) => [h.from, h.to, h.note])).toEqual([
      [null, 'planned', null],
      ['planned', 'in-progress', null],
      ['in-progress', 'done', 'call published'],
    ])
    expect(done.evidence).toEqual([{ kind: 'file', value: 'calls/2023-call.pdf' }])
    expect(await auditCount()).toBe(3)
    await expect(steer.setMilestoneStatus(pm, milestone, { status: 'finished' })).rejects.toMatchObject({
      code: 'INVALID_VALUE',
    })
    await expect(steer.setMilestoneStatus(pm, 9999, { status: 'done' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await auditCount()).toBe(3)
  })

  it('refuses other organisations, bad values and duplicates, leaving nothing written', async () => {
    const { steer, auditCount, count, mine, theirs } = await steerFixture(engine)
    const pm = member('programme-manager', mine)
    await expect(steer.createProgrammes(pm, [{ ...SAMPLE, organisationId: theirs }])).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(steer.createProgrammes(member('analyst', mine), [SAMPLE])).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      steer.createProgrammes(pm, [{ ...SAMPLE, milestones: [{ title: 'x', dueDate: '2023-02-30' }] }]),
    ).rejects.toMatchObject({
      code: 'INVALID_VALUE',
      location: { field: 'programmes[0].milestones[0].dueDate' },
    })
    await expect(
      steer.createProgrammes(pm, [
        { ...SAMPLE, milestones: [{ title: 'x', dueDate: '2023-01-01', responsible: 'nobody' }] },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE' })
    // The second programme repeats the first's external id: neither is kept.
    await expect(
      steer.createProgrammes(operator, [SAMPLE, { ...SAMPLE, title: 'Again' }]),
    ).rejects.toMatchObject({ code: 'CONFLICT', location: { field: 'programmes[1].externalId' } })
    expect(await auditCount()).toBe(0)
    for (const table of [
      'programmes',
      'programme_components',
      'programme_entities',
      'milestones',
      'output_links',
    ])
      expect(await count(table), table).toBe(0)
    const [kept] = await steer.createProgrammes(operator, [{ ...SAMPLE, organisationId: theirs }])
    await expect(steer.deleteProgramme(pm, kept?.id ?? 0)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      steer.setMilestoneStatus(pm, kept?.milestones[0]?.id ?? 0, { status: 'late' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await steer.deleteProgramme(member('admin', null), kept?.id ?? 0)
    expect(await count('programmes')).toBe(0)
    expect(await auditCount()).toBe(2)
  })

  it('a write that fails inside its transaction leaves neither the change nor an audit row', async () => {
    const { state, steer, auditCount, count } = await steerFixture(engine)
    await sql`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(
      state.db,
    )
    await sql`create trigger refuse_link after insert on output_links for each row execute function refuse()`.execute(
      state.db,
    )
    await expect(steer.createProgrammes(operator, [SAMPLE])).rejects.toThrow(/refused by test/)
    expect(await auditCount()).toBe(0)
    for (const table of [
      'programmes',
      'programme_components',
      'programme_entities',
      'milestones',
      'milestone_status_history',
    ])
      expect(await count(table), table).toBe(0)
  })
})
