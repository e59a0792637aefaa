// The Product Ingestion API's versions, in one place: Microsoft has retired schema hosts and
// versions three times (the azureedge host in 2025, $version 2022-03-01-preview3 in 2024, newer
// submission schemas that require `sources`), so each default says why it is what it is, and each
// can be changed by an input without waiting for a release of the gate.

/** `$version` on every call: the version every maintained client sends (input `api-version`). */
export const DEFAULT_VERSION = '2022-07-01'

/** Where the request bodies' schemas live (the azureedge host is gone since early 2025). */
export const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'

/**
 * The version of the configure and submission body schemas a publish is posted with (input
 * `schema-version`): later submission schemas require `sources`, which a publish of the whole
 * draft does not name (Red Hat's cloudpub pins this one for the same reason).
 */
export const DEFAULT_SCHEMA_VERSION = '2022-03-01-preview2'

/** A schema version as the API writes them: a date, optionally `-previewN`. */
export const SCHEMA_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview\d{1,3})?$/

export function configureSchema(version: string): string {
  return `${SCHEMA_HOST}/configure/${version}`
}

export function submissionSchema(version: string): string {
  return `${SCHEMA_HOST}/submission/${version}`
}
