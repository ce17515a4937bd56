import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ALL_MIGRATIONS } from '@meridian/cli'
import { openState } from '@meridian/state'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminToken, BUILT, demoWithAdmin, serve } from './served-store.js'

// A real server killed with SIGKILL during a burst of writes: on restart each write either happened with its
// audit row or did not happen at all, and every write the server acknowledged is there.
if (!BUILT) console.warn('skipping the kill test: the CLI is not built (npm run build)')

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-kill-state-'))
  await demoWithAdmin(dir, 50)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!BUILT)('kill -9 of the server during a burst of writes', () => {
  it('leaves every write with exactly its audit row, and every acknowledged write stored', async () => {
    const { child, url } = await serve(dir)
    const token = await adminToken(url, 'burst')
    const acknowledged: number[] = []
    let sent = 0
    const worker = async () => {
      while (sent < 2000) {
        const n = sent++
        try {
          const response = await fetch(`${url}/api/organisations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ name: `Burst ${n}` }),
          })
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id)
        } catch {
          return // the server is gone
        }
        if (acknowledged.length === 40) child.kill('SIGKILL')
      }
    }
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await Promise.all(Array.from({ length: 8 }, worker))
    await exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)
    expect(sent).toBeLessThan(2000)

    // The migrations every command runs with: the state was made by `meridian serve`.
    const state = await openState({ dir: join(dir, 'store', 'state'), migrations: ALL_MIGRATIONS })
    try {
      const organisations = await state.db.selectFrom('organisations').select(['id', 'name']).execute()
      const audit = await state.db
        .selectFrom('audit_log')
        .select(['entity_id', 'after'])
        .where('action', '=', 'organisation.create')
        .execute()
      const ids = organisations.map((o) => String(o.id)).sort()
      expect(audit.map((row) => row.entity_id).sort()).toEqual(ids)
      for (const id of acknowledged) expect(ids).toContain(String(id))
      for (const row of audit)
        expect(organisations.find((o) => String(o.id) === row.entity_id)?.name).toBe(
          (row.after as { name: string }).name,
        )
    } finally {
      await state.close()
    }
  })
})
