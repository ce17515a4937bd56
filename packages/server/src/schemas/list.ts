import { z } from 'zod'

/** A read-only array: results are frozen data. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly()
