import { EVIDENCE_KINDS, MILESTONE_STATUSES } from '@meridian/steer'
import { z } from 'zod'
import { list } from './list.js'

const evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), value: z.string().max(2000) })

/** A new milestone of a programme (STEER's service checks the ids belong to it). */
export const milestoneBody = z.object({
  title: z.string().max(300),
  dueDate: z.string().describe('YYYY-MM-DD'),
  responsibleEntityId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe("One of the programme's entities."),
  status: z.enum(MILESTONE_STATUSES).optional().describe('Default planned.'),
  evidence: list(evidence).optional(),
  componentId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe("One of the programme's components."),
})
