// The runner's workflow commands (`::name key=value::message` lines on stdout), in the forms
// @actions/core writes them, byte for byte (__tests__/report/workflow-commands.test.ts compares
// the two). The gate writes them itself because importing @actions/core costs every start more
// than the gate's own work: its module graph loads node:child_process, node:assert,
// fs/promises and @actions/http-client, none of which a run needs.

import { EOL } from 'node:os'

/** Lines of the log, as they are: the caller has made them inert (log.ts). */
export function info(text: string): void {
  process.stdout.write(text + EOL)
}

export function debug(text: string): void {
  issue('debug', {}, text)
}

export function warning(text: string, properties: CommandProperties = {}): void {
  issue('warning', properties, text)
}

export function error(text: string, properties: CommandProperties = {}): void {
  issue('error', properties, text)
}

/** Asks the runner to hide `secret` wherever it appears in the log. */
export function addMask(secret: string): void {
  issue('add-mask', {}, secret)
}

/** An output without $GITHUB_OUTPUT: the older command, which @actions/core falls back to too. */
export function setOutputCommand(name: string, value: string): void {
  process.stdout.write(EOL)
  issue('set-output', { name }, value)
}

/** An annotation's title, or an output's name: a property with an empty value is left out. */
export type CommandProperties = Readonly<Record<string, string>>

function issue(command: string, properties: CommandProperties, message: string): void {
  const names = Object.keys(properties)
  // As @actions/core writes it: a space after the name whenever properties were given, even if
  // every one of them is empty.
  const list = names
    .filter((name) => properties[name] !== '')
    .map((name) => `${name}=${escapeProperty(properties[name])}`)
    .join(',')
  const head = names.length === 0 ? `::${command}` : `::${command} ${list}`
  process.stdout.write(`${head}::${escapeData(message)}${EOL}`)
}

/** The runner reads `%25`, `%0D` and `%0A` back; a raw line break would end the command. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** A property's value also may not hold the `:` and `,` that delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
