/** A decoded JSON object. */
export type JsonObject = { readonly [key: string]: unknown }

/** Whether a decoded JSON value is an object (not `null`, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value when it is a string, else `null`. */
export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** The value when it is an array, else an empty one: OpenAlex writes `[]` and `null` alike for "none". */
export function arrayOrEmpty(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

/** The object at `key` of `value`, when both are objects. */
export function objectAt(value: unknown, key: string): JsonObject | null {
  if (!isJsonObject(value)) return null
  const inner = value[key]
  return isJsonObject(inner) ? inner : null
}
