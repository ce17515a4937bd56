import { sql } from '@meridian/state'
import { describe, expect, it } from 'vitest'
import { ENGINES, member, SAMPLE, steerFixture } from './engines.test-util.js'

describe.each(ENGINES)('adding milestones on $name', (engine) => {
  it("adds a milestone to its owner's programme with its first status and one audit row", async () => {
    const { steer, auditCount, mine } = await steerFixture(engine)
    const pm = member('programme-manager', mine)
    const [programme] = await steer.createProgrammes(pm, [SAMPLE])
    const id = programme?.id ?? 0
    const lead = programme?.entities[0]?.id ?? 0
    const added = await steer.addMilestone(pm, id, {
      title: ' Joint call results ',
      dueDate: '2024-03-31',
      responsibleEntityId: lead,
      status: 'in-progress',
      evidence: [{ kind: 'note', value: 'panel met' }],
    })
    expect(added).toMatchObject({
      title: 'Joint call results',
      dueDate: '2024-03-31',
      responsibleEntityId: lead,
      componentId: null,
      status: 'in-progress',
      evidence: [{ kind: 'note', value: 'panel met' }],
      history: [{ from: null, to: 'in-progress', actor: 'programme-manager@example.org' }],
    })
    expect(await auditCount()).toBe(2)
    const [audit] = (
      await sql<{ action: string; entity_id: string; after: { programmeId: number } }>`
      select action, entity_id, after from audit_log where action = 'milestone.create'`.execute(
        steer.context.db,
      )
    ).rows
    expect(audit).toMatchObject({ entity_id: String(added.id), after: { programmeId: id } })
    const view = await steer.getProgramme(pm, id)
    expect(view.milestones.map((m) => m.title)).toContain('Joint call results')
    expect((await steer.addMilestone(pm, id, { title: 'Plain', dueDate: '2025-01-01' })).status).toBe(
      'planned',
    )
  })

  it('refuses other organisations, viewers, unknown programmes and foreign entities, writing nothing', async () => {
    const { steer, auditCount, count, mine, theirs } = await steerFixture(engine)
    const [programme, other] = await steer.createProgrammes(member('admin', null), [
      { ...SAMPLE, organisationId: mine },
      { ...SAMPLE, externalId: 'SYN-2', organisationId: theirs },
    ])
    const id = programme?.id ?? 0
    const milestone = { title: 'Review', dueDate: '2025-06-30' }
    const before = { audit: await auditCount(), milestones: await count('milestones') }
    const refusals = [
      [member('programme-manager', theirs), id, milestone],
      [member('viewer', mine), id, milestone],
      [member('programme-manager', mine), 9999, milestone],
      [member('programme-manager', mine), id, { ...milestone, dueDate: '2025-02-30' }],
      [member('programme-manager', mine), id, { ...milestone, status: 'finished' }],
      [member('programme-manager', mine), id, { ...milestone, responsibleEntityId: other?.entities[0]?.id }],
      [member('programme-manager', mine), id, { ...milestone, componentId: 'lab' }],
    ] as const
    const codes = []
    for (const [actor, programmeId, input] of refusals)
      codes.push(
        await steer.addMilestone(actor, programmeId, input).then(
          () => 'added',
          (error: { code: string; location?: { field: string } }) =>
            error.location ? `${error.code} ${error.location.field}` : error.code,
        ),
      )
    expect(codes).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'NOT_FOUND',
      'INVALID_VALUE milestone.dueDate',
      'INVALID_VALUE milestone.status',
      'INVALID_VALUE milestone.responsibleEntityId',
      'INVALID_VALUE milestone.componentId',
    ])
    expect({ audit: await auditCount(), milestones: await count('milestones') }).toEqual(before)
  })
})
