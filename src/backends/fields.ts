// How both normalizers read parsed JSON: objects, fields by name in any case, and what a value
// is when it is not what was expected. (Their text rules differ: each keeps its own.)

export type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A field by name in any case: the docs spell `jobId` and `jobID`, `externalId` and `externalID`. */
export function field(record: Json, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name]
  const lower = name.toLowerCase()
  const key = Object.keys(record).find((each) => each.toLowerCase() === lower)
  return key === undefined ? undefined : record[key]
}

/** What a value is, for a message about an answer of the wrong shape. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
