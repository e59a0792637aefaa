// Fails when modules under src/ import each other in a cycle. Counts every import, type-only ones
// too (they cannot make a cycle at run time, but they make one in the design: a contract that
// imports its implementations), re-exports and dynamic import().
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..', 'src')
const files = readdirSync(root, { recursive: true })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(root, file))

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"](\.[^'"]+)['"]/g
const DYNAMIC = /import\(\s*['"](\.[^'"]+)['"]\s*\)/g

/** The imports of one file that exist at run time, as absolute .ts paths. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const found = []
  for (const [, , , , spec] of text.matchAll(IMPORT)) found.push(spec)
  for (const [, spec] of text.matchAll(DYNAMIC)) found.push(spec)
  return found.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
}

const graph = new Map(files.map((file) => [file, importsOf(file)]))
const cycles = []
const state = new Map()
const stack = []
function visit(file) {
  state.set(file, 'open')
  stack.push(file)
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
    else if (!state.has(next) && graph.has(next)) visit(next)
  }
  stack.pop()
  state.set(file, 'done')
}
for (const file of files) if (!state.has(file)) visit(file)

if (cycles.length > 0) {
  for (const cycle of cycles) {
    console.error(`Import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`)
  }
  process.exit(1)
}
console.log(`No import cycle among ${files.length} modules under src/.`)
