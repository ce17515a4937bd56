import { MeridianError } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { ENGINES, marketFixture, NEED, operator } from './market.test-util.js'

const code = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error instanceof MeridianError ? error.code : String(error)
  }
  return 'resolved'
}

const DAY = 86_400_000

describe.each(ENGINES)('marketplace on $name', (engine) => {
  it('takes a need from draft through review to published, telling each side in its inbox', async () => {
    const { market, who, org } = await marketFixture(engine)
    const [draft] = await market.createRecords(who('analyst'), [NEED])
    expect(draft).toMatchObject({
      status: 'draft',
      organisation: { id: org.company },
      classes: ['A21D13/00'],
    })
    // Only brokers review; a broker returns it with reasons, the owner resubmits, the broker approves.
    expect(await code(market.transitionRecord(who('analyst'), draft!.id, 'approve'))).toBe('FORBIDDEN')
    await market.transitionRecord(who('analyst'), draft!.id, 'submit')
    expect((await market.inbox(who('broker'))).items.map((i) => i.kind)).toEqual(['record.submitted'])
    expect(await code(market.transitionRecord(who('broker'), draft!.id, 'return', { reasons: [] }))).toBe(
      'INVALID_VALUE',
    )
    const returned = await market.transitionRecord(who('broker'), draft!.id, 'return', {
      reasons: ['description-unclear'],
      note: 'Say what texture means',
    })
    expect(returned).toMatchObject({ status: 'returned', reviewReasons: ['description-unclear'] })
    const inbox = await market.inbox(who('analyst'))
    expect(inbox.items[0]).toMatchObject({
      kind: 'record.returned',
      params: { reasons: ['description-unclear'] },
    })
    await market.transitionRecord(who('analyst'), draft!.id, 'submit')
    const published = await market.transitionRecord(who('broker'), draft!.id, 'approve')
    expect(published).toMatchObject({ status: 'published', expiresOn: '2027-03-02', reviewReasons: [] })
    expect(await code(market.transitionRecord(who('broker'), draft!.id, 'approve'))).toBe('CONFLICT')
  })

  it('never shows contact details to another organisation before its interest is accepted', async () => {
    const { market, who, clock } = await marketFixture(engine)
    const [need] = await market.createRecords(operator, [{ ...NEED, organisation: 'Synthetic Foods Co' }], {
      publish: true,
    })
    const id = need!.id
    expect(need!.contact).toBeDefined()
    const others = [who('researcher'), who('viewer')]
    for (const actor of others) {
      expect((await market.getRecord(actor, id)).contact).toBeUndefined()
      expect((await market.listRecords(actor)).every((r) => r.contact === undefined)).toBe(true)
    }
    expect(JSON.stringify(await market.listRecords(who('researcher')))).not.toContain('li.wei@')
    // Viewers read; they do not write or express interest.
    expect(await code(market.expressInterest(who('viewer'), id, { message: 'hello' }))).toBe('FORBIDDEN')
    expect(await code(market.updateRecord(who('researcher'), id, NEED))).toBe('FORBIDDEN')
    const interest = await market.expressInterest(who('researcher'), id, {
      message: 'Our lab works on salt reduction.',
    })
    expect(interest.contact).toBeUndefined()
    expect(await code(market.expressInterest(who('researcher'), id, { message: 'again' }))).toBe('CONFLICT')
    expect((await market.inbox(who('analyst'))).items[0]).toMatchObject({ kind: 'interest.received' })
    const sentBefore = await market.listInterests(who('researcher'))
    expect(JSON.stringify(sentBefore)).not.toContain('li.wei@')
    // Declined: not again the same day; again the next.
    expect(await code(market.decideInterest(who('researcher'), interest.id, { decision: 'accept' }))).toBe(
      'FORBIDDEN',
    )
    expect(
      await code(market.decideInterest(who('analyst'), interest.id, { decision: 'decline', reason: 'rude' })),
    ).toBe('INVALID_VALUE')
    await market.decideInterest(who('analyst'), interest.id, {
      decision: 'decline',
      reason: 'too-early-stage',
    })
    expect((await market.inbox(who('researcher'))).items[0]).toMatchObject({
      kind: 'interest.declined',
      params: { reason: 'too-early-stage' },
    })
    expect(await code(market.expressInterest(who('researcher'), id, { message: 'reconsider?' }))).toBe(
      'CONFLICT',
    )
    clock.advance(DAY)
    const second = await market.expressInterest(who('researcher'), id, { message: 'We now have pilot data.' })
    const accepted = await market.decideInterest(who('broker'), second.id, { decision: 'accept' })
    expect(accepted.contact).toBeUndefined()
    expect((await market.getRecord(who('researcher'), id)).contact).toMatchObject({
      email: 'li.wei@foods.example',
    })
    expect((await market.getRecord(who('viewer'), id)).contact).toBeUndefined()
    const { sent } = await market.listInterests(who('researcher'))
    expect(sent.find((s) => s.id === second.id)?.contact).toMatchObject({ email: 'li.wei@foods.example' })
    expect(sent.find((s) => s.id === interest.id)?.contact).toBeUndefined()
    // Outcomes: either side, after acceptance only; agreements counted by programme and country pair.
    expect(
      await code(market.recordOutcome(who('viewer'), second.id, { kind: 'meeting', date: '2026-03-03' })),
    ).toBe('FORBIDDEN')
    await market.recordOutcome(who('researcher'), second.id, { kind: 'meeting', date: '2026-03-03' })
    const done = await market.recordOutcome(who('analyst'), second.id, {
      kind: 'agreement',
      agreementType: 'research-cooperation',
      date: '2026-03-03',
    })
    expect(done.outcomes.map((o) => o.kind)).toEqual(['meeting', 'agreement'])
    expect(await market.agreementCounts(operator)).toEqual([
      { programmeId: null, ownerCountry: 'CN', partnerCountry: 'FR', agreements: 1 },
    ])
    expect(
      await code(market.recordOutcome(who('analyst'), interest.id, { kind: 'meeting', date: '2026-03-03' })),
    ).toBe('CONFLICT')
  })

  it('drops expired records from what others see, reminds owners, and lets them renew', async () => {
    const { market, who, clock } = await marketFixture(engine)
    const [need] = await market.createRecords(
      operator,
      [{ ...NEED, organisation: 'Synthetic Foods Co', expiresOn: '2026-03-20' }],
      {
        publish: true,
      },
    )
    expect(await market.sweep(operator)).toEqual({ expired: 0, reminded: 1 })
    expect((await market.inbox(who('analyst'))).items[0]).toMatchObject({ kind: 'record.expiring' })
    expect(await market.sweep(operator)).toEqual({ expired: 0, reminded: 0 })
    clock.advance(20 * DAY)
    expect(await market.listRecords(who('researcher'))).toEqual([])
    expect(await code(market.getRecord(who('researcher'), need!.id))).toBe('NOT_FOUND')
    expect((await market.listRecords(who('analyst')))[0]?.status).toBe('expired')
    expect(await market.sweep(operator)).toEqual({ expired: 1, reminded: 0 })
    const renewed = await market.transitionRecord(who('analyst'), need!.id, 'renew')
    expect(renewed).toMatchObject({ status: 'published', expiresOn: '2027-03-22' })
    expect((await market.listRecords(who('researcher'))).map((r) => r.id)).toEqual([need!.id])
  })

  it('imports all records or none, naming the file, line and field of the first bad value', async () => {
    const { market, who, count, audit } = await marketFixture(engine)
    const csv = [
      'externalId,type,title,summary,keywords,trl,contactName,contactEmail',
      'N-1,technology-request,Dough,Low-salt dough,dough;salt,4,Li,li@x.example',
      'N-2,technology-request,"Oven, fast",Faster ovens,oven,12,Li,li@x.example',
    ].join('\n')
    const before = (await audit()).length
    const error = await market.importRecords(who('analyst'), csv, 'needs.csv').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MeridianError)
    expect((error as MeridianError).location).toEqual({ file: 'needs.csv', line: 3, field: 'records[1].trl' })
    expect(await count('market_records')).toBe(0)
    expect((await audit()).length).toBe(before)
    const fixed = csv.replace(',12,', ',6,')
    expect(await market.importRecords(who('analyst'), fixed, 'needs.csv', { dryRun: true })).toMatchObject({
      records: 2,
    })
    expect(await count('market_records')).toBe(0)
    const done = await market.importRecords(who('analyst'), fixed, 'needs.csv')
    expect(done.created.map((r) => [r.title, r.keywords, r.trl])).toEqual([
      ['Dough', ['dough', 'salt'], 4],
      ['Oven, fast', ['oven'], 6],
    ])
    // The same external ids again: refused, nothing added.
    expect(await code(market.importRecords(who('analyst'), fixed, 'needs.csv'))).toBe('CONFLICT')
    expect(await count('market_records')).toBe(2)
    const json = `[\n  ${JSON.stringify({ ...NEED, externalId: 'J-1' })},\n  ${JSON.stringify({ ...NEED, externalId: 'J-2', type: 'technology-offer' })}\n]`
    const offer = await market.importRecords(who('analyst'), json, 'offers.json').catch((e: unknown) => e)
    expect((offer as MeridianError).location).toEqual({
      file: 'offers.json',
      line: 3,
      field: 'records[1].advantage',
    })
  })

  it('audits every write with the actor, in the same transaction', async () => {
    const { market, who, audit } = await marketFixture(engine)
    const [need] = await market.createRecords(who('analyst'), [NEED])
    await market.transitionRecord(who('analyst'), need!.id, 'submit')
    await market.transitionRecord(who('broker'), need!.id, 'approve')
    await market.updateRecord(who('analyst'), need!.id, { ...NEED, title: 'Low-sodium dough (synthetic)' })
    expect(await audit('market-record')).toEqual([
      ['record.update', 'analyst@example.org'],
      ['record.approve', 'broker@example.org'],
      ['record.submit', 'analyst@example.org'],
      ['record.create', 'analyst@example.org'],
    ])
    // An analyst's edit of a published record sends it back to review.
    expect((await market.getRecord(who('analyst'), need!.id)).status).toBe('submitted')
  })
})
