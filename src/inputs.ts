// How the action's inputs are read: from the runner through @actions/core, with action.yml's
// defaults applied, and the check every short name given as an input passes.

import * as core from '@actions/core'
import type { ReadInput } from './backends/backend.js'
import { MAX_LABEL_CHARS } from './constants.js'
import { hasControlCharacter } from './text.js'

/** An input as the runner passes it (trimmed; unset reads as empty). */
export const runnerInput: ReadInput = (name) => core.getInput(name)

/**
 * action.yml's defaults, applied here too so that a run outside a runner behaves the same. The
 * defaults of base-url and api-version depend on `api`: they come from the backend.
 */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  api: 'auto',
  'operation-id': '',
  token: '',
  'wait-for': 'auto',
  start: '',
  'if-running': '',
  timeout: '60m',
  'poll-interval': '60s',
  'max-consecutive-errors': '5',
  // Empty in action.yml: the default depends on `api` (the backend's defaults).
  'api-version': '',
  'schema-version': '',
  'base-url': '',
  summary: 'true',
  'tenant-id': '',
  'client-id': '',
  'client-secret': '',
  audience: 'api://AzureADTokenExchange',
  'authority-host': 'https://login.microsoftonline.com',
  mode: 'wait',
  'check-name': '',
  // action.yml's default is ${{ github.token }}, which only a runner can fill in.
  'github-token': '',
  sha: ''
}

/** Every input with its default applied. */
export function withDefaults(read: ReadInput): ReadInput {
  return (name) => read(name) || (INPUT_DEFAULTS[name] ?? '')
}

/** A short name from an input: one line, printable, of a sane length. */
export function checkLabel(
  value: string,
  name: string,
  expected: string,
  problem: (name: string, value: string, expected: string) => void
): void {
  if (hasControlCharacter(value) || value.includes('\u2028') || value.includes('\u2029'))
    problem(name, value, `${expected}, on one line without control characters`)
  else if (value.length > MAX_LABEL_CHARS)
    problem(name, value, `${expected}, at most ${MAX_LABEL_CHARS} characters`)
}
