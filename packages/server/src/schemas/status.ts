import { z } from 'zod'
import { list } from './list.js'
import { dataVersionSchema } from './common.js'
import { countryPolicyParam } from './query.js'

const counts = {
  works: z.number(),
  worksWithCountry: z.number(),
  internationalWorks: z.number(),
  worksWithAffiliations: z.number(),
  worksWithCorrespondingAuthor: z.number(),
  worksWithTruncatedAuthors: z.number(),
}

export const statusQuery = z.object({ countryPolicy: countryPolicyParam.optional() })

export const statusSchema = z
  .object({
    ...counts,
    patents: z.number().describe('Patents stored, apart from works.'),
    countryPolicy: z.string(),
    synthetic: z.boolean().describe('True when any work comes from the generated demo corpus.'),
    sources: list(z.object({ source: z.string(), format: z.string(), ...counts })),
    years: list(z.object({ year: z.number().nullable(), ...counts })),
    data: dataVersionSchema,
  })
  .meta({ id: 'Status' })
