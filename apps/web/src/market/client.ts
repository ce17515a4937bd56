import type { Params } from '../api/client.js'
import type {
  Inbox,
  Interest,
  Interests,
  Matches,
  MarketRecord,
  RecordInput,
  RecordQuery,
  Step,
} from '../api/market-types.js'
import { request } from '../api/workspace-client.js'

/** What a lifecycle step says: a broker's reasons for returning, a renewal's date, a closing outcome. */
export interface StepInput {
  readonly step: Step
  readonly reasons?: readonly string[]
  readonly note?: string | null
  readonly expiresOn?: string
  readonly outcome?: string
}

/** CONNECT's marketplace API. Every answer depends on who asks: never cached; writes carry the CSRF token. */
export const marketApi = {
  records: (query: RecordQuery) =>
    request<readonly MarketRecord[]>('GET', 'records', undefined, query as Params),
  record: (id: number) => request<MarketRecord>('GET', `records/${id}`),
  create: (input: RecordInput) => request<MarketRecord>('POST', 'records', input),
  transition: (id: number, input: StepInput) =>
    request<MarketRecord>('POST', `records/${id}/transitions`, input),
  matches: (id: number, params: Params) =>
    request<Matches>('GET', `records/${id}/matches`, undefined, params),
  expressInterest: (id: number, message: string) =>
    request<Interest>('POST', `records/${id}/interests`, { message }),
  interests: (recordId: number) => request<Interests>('GET', 'interests', undefined, { recordId }),
  decide: (id: number, input: { decision: 'accept' | 'decline'; reason?: string; note?: string | null }) =>
    request<Interest>('POST', `interests/${id}/decision`, input),
  recordOutcome: (
    id: number,
    input: { kind: string; agreementType?: string; date: string; reason?: string; note?: string | null },
  ) => request<Interest>('POST', `interests/${id}/outcomes`, input),
  inbox: (unread = false) => request<Inbox>('GET', 'inbox', undefined, { unread: unread || undefined }),
  markRead: (ids?: readonly number[]) =>
    request<{ marked: number }>('POST', 'inbox/read', ids === undefined ? {} : { ids }),
}
