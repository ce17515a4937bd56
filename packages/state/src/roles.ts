/** The roles a user may hold, from least to most trusted. */
export const ROLES = Object.freeze(['viewer', 'analyst', 'broker', 'programme-manager', 'admin'] as const)
export type Role = (typeof ROLES)[number]

/** What an API token may be used for; a session may do everything its role allows. */
export const SCOPES = Object.freeze(['read', 'write', 'admin'] as const)
export type Scope = (typeof SCOPES)[number]

/** Whether a string names a role. */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** Whether a string names a scope. */
export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value)
