// `npm run bundle` (and scripts/check-dist.sh, and the bench's baseline builds): ncc with the
// project's flags, then every JavaScript file of the output written in ASCII, each other character
// as its \u escape, with the source map's columns moved to match, and licenses.txt for what it bundled.
//
// Why ASCII: Node reads a module into one string, and a single character beyond Latin-1 (an emoji
// of the summary, an arrow of the log) makes that string two bytes a character. V8 then scans
// twice the bytes on every parse of the file, the first at start-up and each lazy compile of a
// function after it, and holds twice the memory. Escaped, the same code reads the same values.

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeLicenses } from './licenses.ts'

/**
 * The flags every build of this project gives ncc. Not --license: licenses.txt is written from the
 * source maps (scripts/licenses.ts), since ncc's misses most packages.
 */
export const NCC_FLAGS = ['--source-map', '--no-source-map-register']

const ROOT = resolve(import.meta.dirname, '..')
/** A UTF-16 code unit beyond ASCII. */
const BEYOND_ASCII = /[\u0080-\uffff]/

/**
 * Builds `entry` (relative to `cwd`) into `out` with ncc, makes its JavaScript ASCII, and writes
 * licenses.txt for the packages it bundled.
 */
export function bundle(
  entry: string,
  out: string,
  options: { cwd?: string; quiet?: boolean } = {}
): void {
  execFileSync(join(ROOT, 'node_modules/.bin/ncc'), ['build', entry, '-o', out, ...NCC_FLAGS], {
    cwd: options.cwd ?? ROOT,
    stdio: options.quiet === true ? 'ignore' : 'inherit'
  })
  const folder = resolve(options.cwd ?? ROOT, out)
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.js'))) {
    const file = join(folder, name)
    const mapFile = `${file}.map`
    const code = readFileSync(file, 'utf8')
    if (!BEYOND_ASCII.test(code)) continue
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string }
    const ascii = asciiOnly(code, map.mappings)
    writeFileSync(file, ascii.code)
    writeFileSync(mapFile, JSON.stringify({ ...map, mappings: ascii.mappings }))
  }
  writeLicenses(folder, options.cwd === undefined ? ROOT : resolve(ROOT, options.cwd))
}

/**
 * The code with every character beyond ASCII written as a \u escape (two for one beyond the BMP),
 * and the source map's mappings with each generated column moved by what the escapes before it on
 * its line added. Refuses code where an escape would read differently than the character did: one
 * right after a backslash (`\é` is an escape already), or raw template strings (String.raw and tags
 * see the escape itself). The raw check looks for `.raw` and `["raw"]` in the file: a tag that
 * reads it otherwise, or from another chunk, would pass it. None does in today's dependencies,
 * and the end-to-end tests run every chunk of `dist/` as it is built.
 */
export function asciiOnly(code: string, mappings: string): { code: string; mappings: string } {
  if (/String\.raw|\.raw\b|\[\s*['"`]raw['"`]\s*\]/.test(code)) {
    throw new Error('the code reads raw template strings, which an escape would change')
  }
  const lines = code.split('\n')
  // Per line, where each escape starts in the original line and how much longer it is.
  const shifts: Array<Array<[number, number]>> = []
  const escapedLines = lines.map((line, index) => {
    const moved: Array<[number, number]> = []
    shifts.push(moved)
    if (!BEYOND_ASCII.test(line)) return line
    let out = ''
    for (let at = 0; at < line.length; at++) {
      const unit = line.charCodeAt(at)
      if (unit < 0x80) {
        out += line[at]
        continue
      }
      if (line[at - 1] === '\\') {
        throw new Error(`line ${index + 1}: a character beyond ASCII right after a backslash`)
      }
      const escape = `\\u${unit.toString(16).padStart(4, '0')}`
      out += escape
      moved.push([at, escape.length - 1])
    }
    return out
  })
  const movedMappings = mappings
    .split(';')
    .map((line, index) => {
      const moved = shifts[index] ?? []
      if (moved.length === 0 || line === '') return line
      let column = 0
      let newColumn = 0
      return line
        .split(',')
        .map((segment) => {
          if (segment === '')
            throw new Error(`line ${index + 1} of the source map has an empty segment`)
          const [delta, ...rest] = decodeVlq(segment)
          column += delta
          const shifted =
            column + moved.reduce((sum, [at, extra]) => sum + (at < column ? extra : 0), 0)
          const text = encodeVlq([shifted - newColumn, ...rest])
          newColumn = shifted
          return text
        })
        .join(',')
    })
    .join(';')
  return { code: escapedLines.join('\n'), mappings: movedMappings }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The numbers of one source-map segment (base64 VLQ, sign in the lowest bit). */
export function decodeVlq(segment: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    if (digit === -1) throw new Error(`"${segment}" is not a source-map segment`)
    value += (digit & 31) * 2 ** shift
    shift += 5
    if ((digit & 32) === 0) {
      values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2)
      value = 0
      shift = 0
    }
  }
  if (shift !== 0) throw new Error(`"${segment}" ends in the middle of a number`)
  return values
}

export function encodeVlq(values: number[]): string {
  let out = ''
  for (const number of values) {
    let value = number < 0 ? -number * 2 + 1 : number * 2
    do {
      const digit = value % 32
      value = Math.floor(value / 32)
      out += BASE64[value > 0 ? digit + 32 : digit]
    } while (value > 0)
  }
  return out
}

// import.meta.main is new in Node 24.2: compared by path too, so that no older 24 builds nothing.
if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const [entry, out] = args.filter((arg) => !arg.startsWith('--'))
  if (entry === undefined || out === undefined) {
    console.error('Usage: node scripts/bundle.ts <entry> <output folder> [--quiet]')
    process.exit(2)
  }
  bundle(entry, out, { quiet: args.includes('--quiet') })
}
